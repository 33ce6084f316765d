package ru.marketplace.keycloak.harness.production;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A load balancer without sticky sessions, on 127.0.0.1: request n goes to node n mod N, whatever cookie it
 * carries, so consecutive steps of one shopper's reset land on different Keycloak nodes. It says who the client
 * is the way a real proxy does ({@code X-Forwarded-Host/-Proto/-Port/-For}; the nodes run with
 * {@code --proxy-headers=xforwarded}), so every URL Keycloak writes points back at the balancer.
 */
public final class RoundRobinBalancer implements AutoCloseable {

    /** Set by the HTTP client itself, or hop-by-hop: never copied from one side to the other. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection");
    private static final Duration NODE_TIMEOUT = Duration.ofSeconds(60);

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(16);
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final AtomicInteger next = new AtomicInteger();
    private volatile List<URI> nodes = List.of();
    private volatile AtomicLongArray served = new AtomicLongArray(0);

    private RoundRobinBalancer(HttpServer server) {
        this.server = server;
    }

    /** Listens on a free port of 127.0.0.1; give it its nodes with {@link #balanceAcross(List)}. */
    public static RoundRobinBalancer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            RoundRobinBalancer balancer = new RoundRobinBalancer(server);
            server.createContext("/", balancer::forward);
            server.setExecutor(balancer.workers);
            server.start();
            return balancer;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the load balancer", e);
        }
    }

    /** The nodes' base URLs, e.g. {@code http://127.0.0.1:38121}; resets the per-node counters. */
    public void balanceAcross(List<String> nodeBaseUrls) {
        this.served = new AtomicLongArray(nodeBaseUrls.size());
        this.nodes = nodeBaseUrls.stream().map(URI::create).toList();
    }

    /** {@code http://127.0.0.1:<port>}: what shoppers (and Keycloak's URLs) use. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many requests node {@code index} has answered so far. */
    public long served(int index) {
        return served.get(index);
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    @Override
    public String toString() {
        return "round-robin balancer " + baseUrl() + " across " + nodes;
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            List<URI> targets = nodes;
            if (targets.isEmpty()) {
                reply(exchange, 503, "no nodes yet");
                return;
            }
            int index = Math.floorMod(next.getAndIncrement(), targets.size());
            URI incoming = exchange.getRequestURI();
            URI target = targets.get(index).resolve(incoming.getRawPath()
                    + (incoming.getRawQuery() == null ? "" : "?" + incoming.getRawQuery()));
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(NODE_TIMEOUT)
                    .method(exchange.getRequestMethod(), body.length == 0
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.toLowerCase(Locale.ROOT).startsWith("x-forwarded-")) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            request.header("X-Forwarded-Host", "127.0.0.1:" + server.getAddress().getPort())
                    .header("X-Forwarded-Proto", "http")
                    .header("X-Forwarded-Port", Integer.toString(server.getAddress().getPort()))
                    .header("X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress());
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException nodeDown) {
                reply(exchange, 502, "node " + index + " did not answer: " + nodeDown);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reply(exchange, 503, "interrupted");
                return;
            }
            served.incrementAndGet(index);
            for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
                String name = header.getKey();
                if (!name.startsWith(":") && !NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    header.getValue().forEach(value -> exchange.getResponseHeaders().add(name, value));
                }
            }
            byte[] payload = response.body();
            exchange.sendResponseHeaders(response.statusCode(), payload.length == 0 ? -1 : payload.length);
            if (payload.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(payload);
                }
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, String text) throws IOException {
        byte[] payload = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, payload.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(payload);
        }
    }
}
