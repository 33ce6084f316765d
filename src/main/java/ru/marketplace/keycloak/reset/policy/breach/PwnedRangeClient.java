package ru.marketplace.keycloak.reset.policy.breach;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks a Pwned Passwords range API whether a password is breached, by k-anonymity: only the first 5 hex digits of
 * its SHA-1 leave the server ({@code GET <base>ABCDE}); the API answers every suffix it knows for that prefix
 * ({@code SUFFIX:COUNT} lines) and the match is made here. {@code Add-Padding: true} asks for dummy lines with
 * count 0, so the answer's size does not tell an eavesdropper on TLS which prefix was asked; they are ignored.
 *
 * <p>The whole exchange, body included, is bounded by the timeout; any failure (timeout, refused connection,
 * a status other than 200) is {@link Answer#NO_ANSWER}, for the caller's setting to decide. Thread-safe.
 */
public final class PwnedRangeClient {

    /** What the range API said about a password. */
    public enum Answer { LISTED, NOT_LISTED, NO_ANSWER }

    private static final int PREFIX_LENGTH = 5;

    private final HttpClient http;
    private final URI base;
    private final Duration timeout;

    public PwnedRangeClient(HttpClient http, URI base, Duration timeout) {
        this.http = http;
        this.base = base;
        this.timeout = timeout;
    }

    /** Asks about {@code password} as typed (the API's own hashing, no normalisation). */
    public Answer lookup(String password) {
        String hash = PasswordKeys.sha1Hex(password);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString() + hash.substring(0, PREFIX_LENGTH)))
                .timeout(timeout)
                .header("Add-Padding", "true")
                .header("User-Agent", "marketplace-password-reset (Keycloak password policy)")
                .GET().build();
        CompletableFuture<HttpResponse<String>> exchange = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            HttpResponse<String> response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() != 200) {
                return Answer.NO_ANSWER;
            }
            return listed(hash.substring(PREFIX_LENGTH), response.body()) ? Answer.LISTED : Answer.NOT_LISTED;
        } catch (TimeoutException | ExecutionException tooSlowOrFailed) {
            exchange.cancel(true);
            return Answer.NO_ANSWER;
        } catch (InterruptedException interrupted) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return Answer.NO_ANSWER;
        }
    }

    /**
     * Whether a range answer lists {@code suffix} (35 hex digits) with a count above 0; padding lines (count 0) and
     * malformed lines never match.
     */
    static boolean listed(String suffix, String body) {
        String wanted = suffix.toUpperCase(Locale.ROOT);
        try (BufferedReader lines = new BufferedReader(new StringReader(body))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                int colon = line.indexOf(':');
                if (colon == wanted.length() && line.regionMatches(true, 0, wanted, 0, colon)) {
                    return count(line.substring(colon + 1).strip()) > 0;
                }
            }
            return false;
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    private static long count(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException malformed) {
            return 0;
        }
    }
}
