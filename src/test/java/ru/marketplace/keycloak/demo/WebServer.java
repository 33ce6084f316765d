package ru.marketplace.keycloak.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import ru.marketplace.keycloak.harness.Urls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A page served by the JDK's own HTTP server on 127.0.0.1: the demo needs two tiny sites, not a framework.
 * Every answer is HTML with headers that keep a browser from sniffing, caching or framing it; an unexpected
 * exception becomes a 500 page with the reason, and a line on the console.
 */
public final class WebServer implements AutoCloseable {

    private static final int MAX_FORM_BYTES = 64 * 1024;

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor;

    private WebServer(String name, HttpServer server, ExecutorService executor) {
        this.name = name;
        this.server = server;
        this.executor = executor;
    }

    /**
     * Serves {@code app} on 127.0.0.1:{@code port} ({@code 0}: a free port).
     *
     * @param contentSecurityPolicy sent with every answer
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static WebServer start(String name, int port, String contentSecurityPolicy,
                                  Function<WebRequest, WebReply> app) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(name + " cannot listen on 127.0.0.1:" + port, e);
        }
        // a few threads: the storefront's callback waits for Keycloak's token endpoint
        ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, name + "-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> serve(name, exchange, contentSecurityPolicy, app));
        server.start();
        return new WebServer(name, server, executor);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Closes the listening socket at once and ends the worker threads. */
    public void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return name + " on 127.0.0.1:" + port();
    }

    private static void serve(String name, HttpExchange exchange, String csp, Function<WebRequest, WebReply> app)
            throws IOException {
        try (exchange) {
            WebReply reply;
            try {
                reply = app.apply(parse(exchange));
            } catch (RuntimeException e) {
                System.err.println("[demo] " + name + ": " + exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getPath() + " failed: " + e);
                reply = WebReply.error(500, Html.page("Ошибка", "<h1>Что-то пошло не так</h1><p>"
                        + Html.escape(String.valueOf(e.getMessage())) + "</p>", 0));
            }
            send(exchange, reply, csp);
        }
    }

    private static WebRequest parse(HttpExchange exchange) throws IOException {
        Map<String, String> query = firstValues(exchange.getRequestURI().getRawQuery());
        Map<String, String> form = Map.of();
        if ("POST".equals(exchange.getRequestMethod())) {
            try (InputStream body = exchange.getRequestBody()) {
                byte[] bytes = body.readNBytes(MAX_FORM_BYTES);
                form = firstValues(new String(bytes, StandardCharsets.UTF_8));
            }
        }
        return new WebRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), query, form,
                WebRequest.parseCookieHeader(exchange.getRequestHeaders().getFirst("Cookie")));
    }

    private static Map<String, String> firstValues(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        Urls.parsePairs(encoded).forEach(pair -> values.putIfAbsent(pair.getKey(), pair.getValue()));
        return values;
    }

    private static void send(HttpExchange exchange, WebReply reply, String csp) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "text/html; charset=utf-8");
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer"); // an authorization code in the URL must not travel on
        headers.set("Content-Security-Policy", csp);
        reply.headers().forEach(header -> headers.add(header.getKey(), header.getValue()));
        byte[] body = reply.html().getBytes(StandardCharsets.UTF_8);
        boolean noBody = body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(reply.status(), noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
