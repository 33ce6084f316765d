package ru.marketplace.keycloak.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One request to a demo page, already parsed, so the pages are plain functions that tests call without a socket.
 *
 * @param query   query parameters; for a repeated name the first value wins
 * @param form    the url-encoded body of a POST (empty otherwise)
 * @param cookies the {@code Cookie} header's pairs
 */
public record WebRequest(String method, String path, Map<String, String> query, Map<String, String> form,
                         Map<String, String> cookies) {

    public WebRequest {
        query = Map.copyOf(query);
        form = Map.copyOf(form);
        cookies = Map.copyOf(cookies);
    }

    /** A GET without cookies, e.g. {@code get("/callback", Map.of("state", "x"))}. */
    public static WebRequest get(String path, Map<String, String> query) {
        return new WebRequest("GET", path, query, Map.of(), Map.of());
    }

    public WebRequest withCookie(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(cookies);
        more.put(name, value);
        return new WebRequest(method, path, query, form, more);
    }

    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    /** Parses {@code a=1; b=2}; malformed pairs are ignored, as browsers send what they were given. */
    public static Map<String, String> parseCookieHeader(String header) {
        Map<String, String> cookies = new LinkedHashMap<>();
        if (header == null) {
            return cookies;
        }
        for (String pair : header.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.putIfAbsent(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return cookies;
    }
}
