package ru.marketplace.keycloak.harness;

import java.net.URI;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A browser's cookie store, reduced to what Keycloak's pages need (RFC 6265: Domain, Path, Max-Age, Expires,
 * Secure). Unlike {@link java.net.CookieManager} it sends {@code Secure} cookies over plain http to loopback
 * hosts, as browsers do for {@code localhost}: Keycloak marks its cookies Secure even over http, and without
 * them every form post ends in {@code cookie_not_found}.
 *
 * <p>Values are kept verbatim, quotes included ({@code KC_AUTH_SESSION_HASH="..."}), and sent back as they came.
 */
public final class CookieJar {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    /** Key: domain + path + name, as RFC 6265 identifies a cookie. */
    private final Map<String, Cookie> cookies = new LinkedHashMap<>();

    /** One stored cookie. {@code expires} is {@code null} for a session cookie. */
    public record Cookie(String name, String value, String domain, boolean hostOnly, String path,
                         Instant expires, boolean secure, boolean httpOnly) {

        boolean isExpired(Instant now) {
            return expires != null && !expires.isAfter(now);
        }

        private String key() {
            return domain + "|" + path + "|" + name;
        }
    }

    /** Stores (or deletes, for Max-Age ≤ 0 / past Expires) what the {@code Set-Cookie} headers of a response say. */
    public synchronized void store(URI requestUri, List<String> setCookieHeaders) {
        for (String header : setCookieHeaders) {
            parse(requestUri, header).ifPresent(cookie -> {
                cookies.remove(cookie.key());
                if (!cookie.isExpired(Instant.now())) {
                    cookies.put(cookie.key(), cookie);
                }
            });
        }
    }

    /** The {@code Cookie} header value for a request to {@code uri}, or empty when no cookie applies. */
    public synchronized Optional<String> headerFor(URI uri) {
        Instant now = Instant.now();
        cookies.values().removeIf(cookie -> cookie.isExpired(now));
        String host = host(uri);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        boolean secureChannel = "https".equalsIgnoreCase(uri.getScheme()) || LOOPBACK.contains(host);
        List<Cookie> matching = cookies.values().stream()
                .filter(c -> c.hostOnly() ? host.equals(c.domain()) : domainMatches(host, c.domain()))
                .filter(c -> pathMatches(path, c.path()))
                .filter(c -> !c.secure() || secureChannel)
                // longer paths first, as RFC 6265 §5.4 asks
                .sorted(Comparator.comparingInt((Cookie c) -> c.path().length()).reversed())
                .toList();
        if (matching.isEmpty()) {
            return Optional.empty();
        }
        List<String> pairs = new ArrayList<>();
        matching.forEach(c -> pairs.add(c.name() + "=" + c.value()));
        return Optional.of(String.join("; ", pairs));
    }

    /** Every live cookie, in the order they were set. */
    public synchronized List<Cookie> all() {
        Instant now = Instant.now();
        return cookies.values().stream().filter(c -> !c.isExpired(now)).toList();
    }

    /** The value of the live cookie with this name (any domain or path), if there is one. */
    public synchronized Optional<String> value(String name) {
        return all().stream().filter(c -> c.name().equals(name)).map(Cookie::value).findFirst();
    }

    /** Adds or replaces a cookie, e.g. one copied from another browser. */
    public synchronized void put(Cookie cookie) {
        cookies.put(cookie.key(), cookie);
    }

    public synchronized void remove(String name) {
        cookies.values().removeIf(c -> c.name().equals(name));
    }

    public synchronized void clear() {
        cookies.clear();
    }

    // ---------------------------------------------------------------------------------------------------------

    private static Optional<Cookie> parse(URI requestUri, String header) {
        String[] parts = header.split(";");
        int eq = parts[0].indexOf('=');
        if (eq <= 0) {
            return Optional.empty(); // a nameless cookie: browsers ignore it too
        }
        String name = parts[0].substring(0, eq).trim();
        String value = parts[0].substring(eq + 1).trim();
        String host = host(requestUri);
        String domain = host;
        boolean hostOnly = true;
        String path = null;
        Instant expires = null;
        Long maxAge = null;
        boolean secure = false;
        boolean httpOnly = false;
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].trim();
            int aeq = attribute.indexOf('=');
            String key = (aeq < 0 ? attribute : attribute.substring(0, aeq)).trim().toLowerCase(Locale.ROOT);
            String val = aeq < 0 ? "" : attribute.substring(aeq + 1).trim();
            switch (key) {
                case "domain" -> {
                    String d = val.startsWith(".") ? val.substring(1) : val;
                    if (!d.isEmpty()) {
                        d = d.toLowerCase(Locale.ROOT);
                        if (!domainMatches(host, d)) {
                            return Optional.empty(); // a cookie for another site: rejected, as browsers do
                        }
                        domain = d;
                        hostOnly = false;
                    }
                }
                case "path" -> path = val.startsWith("/") ? val : null;
                case "max-age" -> maxAge = parseLong(val);
                case "expires" -> expires = parseDate(val);
                case "secure" -> secure = true;
                case "httponly" -> httpOnly = true;
                default -> {
                    // Version, SameSite, Comment...: no effect on a single-origin, script-less client
                }
            }
        }
        if (maxAge != null) { // Max-Age wins over Expires
            expires = maxAge <= 0 ? Instant.EPOCH : Instant.now().plusSeconds(maxAge);
        }
        if (path == null) {
            path = defaultPath(requestUri);
        }
        return Optional.of(new Cookie(name, value, domain, hostOnly, path, expires, secure, httpOnly));
    }

    private static String host(URI uri) {
        return uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    }

    private static boolean domainMatches(String host, String domain) {
        return host.equals(domain) || (host.endsWith("." + domain) && !LOOPBACK.contains(host));
    }

    /** RFC 6265 §5.1.4. */
    private static boolean pathMatches(String requestPath, String cookiePath) {
        if (requestPath.equals(cookiePath)) {
            return true;
        }
        if (requestPath.startsWith(cookiePath)) {
            return cookiePath.endsWith("/") || requestPath.charAt(cookiePath.length()) == '/';
        }
        return false;
    }

    /** RFC 6265 §5.1.4: the directory of the request path. */
    private static String defaultPath(URI uri) {
        String path = uri.getRawPath();
        if (path == null || !path.startsWith("/") || path.lastIndexOf('/') == 0) {
            return "/";
        }
        return path.substring(0, path.lastIndexOf('/'));
    }

    private static Long parseLong(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant parseDate(String value) {
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            // "Thu, 01-Jan-1970 00:00:10 GMT" (Netscape style) is still common
            try {
                return ZonedDateTime.parse(value.replace('-', ' '),
                        DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss zzz", Locale.US)).toInstant();
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }
}
