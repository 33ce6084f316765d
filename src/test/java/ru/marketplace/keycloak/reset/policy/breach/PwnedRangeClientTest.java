package ru.marketplace.keycloak.reset.policy.breach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The range API client against a stub of the Pwned Passwords range API on 127.0.0.1: nothing leaves the machine. */
class PwnedRangeClientTest {

    private static final String BREACHED = "Vesna-2025-Leak";

    private HttpServer stub;
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final List<String> padding = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile long delayMillis;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void startStub() throws IOException {
        stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext("/range/", exchange -> {
            String prefix = exchange.getRequestURI().getPath().substring("/range/".length());
            asked.add(prefix);
            padding.add(String.valueOf(exchange.getRequestHeaders().getFirst("Add-Padding")));
            String hash = PasswordKeys.sha1Hex(BREACHED);
            StringBuilder body = new StringBuilder("0018A45C4D1DEF81644B54AB7F969B88D65:1\r\n");
            if (hash.startsWith(prefix)) {
                body.append(hash.substring(5)).append(":3730471\r\n");
            }
            // padding: a suffix with count 0 must never count as listed
            body.append(PasswordKeys.sha1Hex("padded-only").substring(5)).append(":0\r\n");
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            byte[] bytes = body.toString().getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            } catch (IOException clientGone) {
                // the client timed out first
            }
        });
        stub.start();
    }

    @AfterEach
    void stopStub() {
        stub.stop(0);
    }

    private PwnedRangeClient client(Duration timeout) {
        return new PwnedRangeClient(http, URI.create("http://127.0.0.1:" + stub.getAddress().getPort() + "/range/"),
                timeout);
    }

    @Test
    void aListedPasswordIsFoundAndOnlyItsFiveDigitPrefixIsSent() {
        assertEquals(PwnedRangeClient.Answer.LISTED, client(Duration.ofSeconds(5)).lookup(BREACHED));
        assertEquals(List.of(PasswordKeys.sha1Hex(BREACHED).substring(0, 5)), asked);
        assertEquals(List.of("true"), padding, "padding asked for");
    }

    @Test
    void anUnlistedPasswordAndAPaddingLineAreNotListed() {
        assertEquals(PwnedRangeClient.Answer.NOT_LISTED, client(Duration.ofSeconds(5)).lookup("Tq7Lm2RvXp9Zd"));
        assertFalse(PwnedRangeClient.listed(PasswordKeys.sha1Hex("padded-only").substring(5),
                PasswordKeys.sha1Hex("padded-only").substring(5) + ":0\r\n"));
        assertTrue(PwnedRangeClient.listed("0018a45c4d1def81644b54ab7f969b88d65",
                "0018A45C4D1DEF81644B54AB7F969B88D65:12\n"), "either case");
    }

    @Test
    void aSlowApiIsNoAnswer() {
        delayMillis = 2000;
        assertEquals(PwnedRangeClient.Answer.NO_ANSWER, client(Duration.ofMillis(200)).lookup(BREACHED));
    }

    @Test
    void anErrorStatusIsNoAnswer() {
        status = 503;
        assertEquals(PwnedRangeClient.Answer.NO_ANSWER, client(Duration.ofSeconds(5)).lookup(BREACHED));
    }

    @Test
    void aClosedPortIsNoAnswer() {
        URI closed = URI.create("http://127.0.0.1:" + stub.getAddress().getPort() + "/range/");
        stub.stop(0);
        assertEquals(PwnedRangeClient.Answer.NO_ANSWER,
                new PwnedRangeClient(http, closed, Duration.ofSeconds(2)).lookup(BREACHED));
    }

    @Test
    void theSettingDecidesWhatNoAnswerMeans() {
        status = 503;
        BreachFilter empty = BreachFilterTestSupport.filterOf();
        assertEquals(BreachCheck.Verdict.NOT_LISTED,
                new BreachCheck(empty, client(Duration.ofSeconds(2)), false).check(BREACHED));
        assertEquals(BreachCheck.Verdict.UNVERIFIED,
                new BreachCheck(empty, client(Duration.ofSeconds(2)), true).check(BREACHED));
        status = 200;
        assertEquals(BreachCheck.Verdict.LISTED, new BreachCheck(empty, client(Duration.ofSeconds(2)), true).check(BREACHED));
    }

    @Test
    void theOfflineListAnswersFirstWithoutTheNetwork() {
        BreachFilter listing = BreachFilterTestSupport.filterOf(BREACHED);
        assertEquals(BreachCheck.Verdict.LISTED, new BreachCheck(listing, client(Duration.ofSeconds(2)), false).check(BREACHED));
        assertEquals(List.of(), asked);
    }
}
