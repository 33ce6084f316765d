package ru.marketplace.keycloak.reset.policy.breach;

import java.io.Serializable;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The breached-password check's settings, parsed and validated once from the policy's config value (the text next to
 * "Marketplace breached passwords" in Authentication → Policies → Password policy).
 *
 * <h2>Config grammar</h2>
 * <pre>
 * config  = list *( " " option )           ; blank: {@value #DEFAULT_CONFIG}
 * list    = "builtin"                      ; the ~30,000 common passwords shipped in the jar
 *         / "file:" PATH                   ; a file built by BreachFilterCommand, on every node (no spaces in PATH)
 * option  = "online:" URL                  ; also ask a Pwned Passwords range API (k-anonymity), off by default
 *         / "timeout:" MS                  ; how long to wait for it, 100–10000 ms (default 1500)
 *         / "onTimeout:" ( "accept" / "refuse" )   ; no answer in time (or an error): let the password through
 *                                                  ; (default) or refuse it with «try again»
 * </pre>
 * Examples: {@code builtin}, {@code file:/opt/keycloak/data/breached-passwords.bin},
 * {@code file:/opt/keycloak/data/breached-passwords.bin online:https://api.pwnedpasswords.com/range/ timeout:1000}.
 *
 * @param file       the filter file, or {@code null} for the shipped list
 * @param online     the range API's base URL (the 5-digit prefix is appended), or {@code null}
 * @param timeout    how long a range request may take
 * @param refuseWithoutAnswer whether a password is refused when the range API does not answer in time
 */
public record BreachSettings(Path file, URI online, Duration timeout, boolean refuseWithoutAnswer)
        implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final String DEFAULT_CONFIG = "builtin";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(1500);
    static final long SHORTEST_TIMEOUT_MS = 100;
    static final long LONGEST_TIMEOUT_MS = 10_000;
    public static final BreachSettings DEFAULTS = new BreachSettings(null, null, DEFAULT_TIMEOUT, false);

    /** Reads a config in the grammar above; {@code null} or blank gives {@link #DEFAULTS}. */
    public static BreachSettings parse(String config) {
        if (config == null || config.isBlank()) {
            return DEFAULTS;
        }
        Path file = null;
        URI online = null;
        Duration timeout = DEFAULT_TIMEOUT;
        boolean refuse = false;
        boolean listGiven = false;
        Set<String> seen = new HashSet<>();
        for (String item : config.strip().split("\\s+")) {
            int colon = item.indexOf(':');
            String name = (colon < 0 ? item : item.substring(0, colon)).toLowerCase(Locale.ROOT);
            String value = colon < 0 ? "" : item.substring(colon + 1);
            if (!seen.add(name.equals("builtin") ? "file" : name)) {
                throw new InvalidBreachSettingsException("'" + item + "': " + (name.equals("builtin") ? "builtin or file"
                        : name) + " is given more than once");
            }
            switch (name) {
                case "builtin" -> listGiven = true;
                case "file" -> {
                    file = filePath(value, item);
                    listGiven = true;
                }
                case "online" -> online = rangeApi(value, item);
                case "timeout" -> timeout = Duration.ofMillis(milliseconds(value, item));
                case "ontimeout" -> refuse = switch (value.toLowerCase(Locale.ROOT)) {
                    case "accept" -> false;
                    case "refuse" -> true;
                    default -> throw new InvalidBreachSettingsException("'" + item + "': write onTimeout:accept or "
                            + "onTimeout:refuse");
                };
                default -> throw new InvalidBreachSettingsException("Unknown item '" + item + "': write builtin or "
                        + "file:PATH, then optionally online:URL timeout:MS onTimeout:accept|refuse");
            }
        }
        if (!listGiven) {
            throw new InvalidBreachSettingsException("Start with builtin or file:PATH (the offline list), e.g. "
                    + DEFAULT_CONFIG + " " + String.join(" ", config.strip()));
        }
        return new BreachSettings(file, online, timeout, refuse);
    }

    /** The canonical config, which {@link #parse} reads back to an equal value. */
    @Override
    public String toString() {
        StringBuilder config = new StringBuilder(file == null ? DEFAULT_CONFIG : "file:" + file);
        if (online != null) {
            config.append(" online:").append(online).append(" timeout:").append(timeout.toMillis())
                    .append(" onTimeout:").append(refuseWithoutAnswer ? "refuse" : "accept");
        }
        return config.toString();
    }

    private static Path filePath(String value, String item) {
        if (value.isEmpty()) {
            throw new InvalidBreachSettingsException("'" + item + "': give the file, e.g. "
                    + "file:/opt/keycloak/data/breached-passwords.bin");
        }
        Path path = Path.of(value);
        if (!path.isAbsolute()) {
            // a relative path would depend on each node's working directory
            throw new InvalidBreachSettingsException("'" + item + "': the file must be an absolute path, the same on "
                    + "every node");
        }
        return path.normalize();
    }

    private static URI rangeApi(String value, String item) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && uri.getQuery() == null) {
                return uri;
            }
        } catch (java.net.URISyntaxException malformed) {
            // explained below
        }
        throw new InvalidBreachSettingsException("'" + item + "': write the range API's address, e.g. "
                + "online:https://api.pwnedpasswords.com/range/");
    }

    private static long milliseconds(String value, String item) {
        try {
            long ms = Long.parseLong(value);
            if (ms >= SHORTEST_TIMEOUT_MS && ms <= LONGEST_TIMEOUT_MS) {
                return ms;
            }
        } catch (NumberFormatException notANumber) {
            // explained below
        }
        throw new InvalidBreachSettingsException("'" + item + "': the timeout is " + SHORTEST_TIMEOUT_MS + " to "
                + LONGEST_TIMEOUT_MS + " milliseconds, e.g. timeout:1500");
    }
}
