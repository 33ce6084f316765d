package ru.marketplace.keycloak.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops a process together with everything it spawned. {@code kc.sh} starts Keycloak's JVM as a child (and
 * restarts it after an automatic re-build), so signalling only the script's pid could leave the JVM behind.
 */
final class ProcessTree {

    private ProcessTree() {
    }

    /** SIGTERM to the whole tree, wait up to {@code grace}, then SIGKILL whatever is still alive. */
    static void terminate(ProcessHandle root, Duration grace) {
        List<ProcessHandle> tree = snapshot(root);
        // children first: the script forwards TERM as well, but the JVM must get it even if the script is gone
        for (int i = tree.size() - 1; i >= 0; i--) {
            tree.get(i).destroy();
        }
        if (!awaitExit(tree, grace)) {
            // descendants may have appeared meanwhile (a re-launch); take a fresh look before killing
            List<ProcessHandle> survivors = snapshot(root);
            survivors.addAll(tree);
            survivors.forEach(ProcessHandle::destroyForcibly);
            awaitExit(survivors, Duration.ofSeconds(10));
        }
    }

    /** SIGKILL to the whole tree at once, as a crash or a pulled plug would end it; waits until it is gone. */
    static void kill(ProcessHandle root) {
        List<ProcessHandle> tree = snapshot(root);
        tree.forEach(ProcessHandle::destroyForcibly);
        awaitExit(tree, Duration.ofSeconds(10));
    }

    private static List<ProcessHandle> snapshot(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        return tree;
    }

    private static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
        CompletableFuture<?>[] exits = processes.stream()
                .map(ProcessHandle::onExit)
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return processes.stream().noneMatch(ProcessHandle::isAlive);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
