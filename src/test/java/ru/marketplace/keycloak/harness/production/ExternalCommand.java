package ru.marketplace.keycloak.harness.production;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program to its end (initdb, pg_ctl, psql, kc.sh build) and keeps what it printed. Output goes to a file,
 * never to a pipe: {@code pg_ctl start} leaves a server behind that could hold a pipe open and hang the reader.
 */
final class ExternalCommand {

    /** What the program printed (stdout and stderr together) and how it ended. */
    record Result(List<String> command, int exitCode, String output) {

        boolean succeeded() {
            return exitCode == 0;
        }

        /** Throws with the command, its exit code and the end of its output unless it succeeded. */
        Result requireSuccess(String whatWasAttempted) {
            if (!succeeded()) {
                throw new IllegalStateException(whatWasAttempted + " failed (exit code " + exitCode + "): "
                        + String.join(" ", command) + "\n" + tail(output, 40));
            }
            return this;
        }
    }

    private ExternalCommand() {
    }

    static Result run(List<String> command, Map<String, String> env, Duration timeout) {
        Path output = null;
        try {
            output = Files.createTempFile("external-command", ".log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("Gave up after " + timeout.toSeconds() + " s: "
                        + String.join(" ", command) + "\n" + tail(read(output), 40));
            }
            return new Result(command, process.exitValue(), read(output));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + String.join(" ", command), e);
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    /** Decoded leniently: a stray byte in a tool's output must not hide the output. */
    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    static String tail(String text, int lines) {
        String[] all = text.split("\n", -1);
        return String.join("\n", Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }
}
