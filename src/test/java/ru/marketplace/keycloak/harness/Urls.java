package ru.marketplace.keycloak.harness;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** URL and form encoding helpers (UTF-8 throughout). */
public final class Urls {

    private Urls() {
    }

    /** application/x-www-form-urlencoded encoding of one name or value ({@code ' '} → {@code +}). */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** One path segment: like {@link #encode} but a space is {@code %20}, as paths require. */
    public static String segment(String value) {
        return encode(value).replace("+", "%20");
    }

    public static String form(Map<String, String> fields) {
        return pairs(new ArrayList<>(fields.entrySet()));
    }

    /** Encodes the pairs in order, repeated names included. */
    public static String pairs(List<Map.Entry<String, String>> pairs) {
        return pairs.stream()
                .map(pair -> encode(pair.getKey()) + "=" + encode(pair.getValue() == null ? "" : pair.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** The query parameters of {@code uri}; for a repeated name the first value wins. */
    public static Map<String, String> queryParams(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        for (Map.Entry<String, String> pair : parsePairs(uri.getRawQuery())) {
            params.putIfAbsent(pair.getKey(), pair.getValue());
        }
        return params;
    }

    /** Decodes {@code a=1&b=2&a=3} into pairs, in order. */
    public static List<Map.Entry<String, String>> parsePairs(String rawQuery) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return pairs;
        }
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            pairs.add(Map.entry(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8)));
        }
        return pairs;
    }

    /** {@code scheme://host:port} of the URI, lower-cased, with the default port made explicit. */
    public static String origin(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
        return (uri.getScheme() + "://" + uri.getHost() + ":" + port).toLowerCase(java.util.Locale.ROOT);
    }

    /** The URI without query and fragment, for comparing a redirect target with a registered redirect URI. */
    public static String withoutQuery(URI uri) {
        String s = uri.toString();
        int cut = s.length();
        int q = s.indexOf('?');
        int f = s.indexOf('#');
        if (q >= 0) {
            cut = q;
        }
        if (f >= 0 && f < cut) {
            cut = f;
        }
        return s.substring(0, cut);
    }
}
