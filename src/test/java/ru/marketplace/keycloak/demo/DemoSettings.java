package ru.marketplace.keycloak.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The demo's ports on 127.0.0.1, each overridable on the command line ({@code mvn -Pdemo -Ddemo.store.port=3001}).
 * The defaults are the ones docker-compose.yml publishes too, so the README's URLs hold for both.
 *
 * @param smtpPort {@code 0}: any free port (only Keycloak needs to know it)
 */
public record DemoSettings(int keycloakPort, int mailboxPort, int storePort, int smtpPort) {

    public static final int DEFAULT_KEYCLOAK_PORT = 8080;
    public static final int DEFAULT_MAILBOX_PORT = 8025;
    public static final int DEFAULT_STORE_PORT = 3000;
    public static final String KEYCLOAK_PORT = "demo.keycloak.port";
    public static final String MAILBOX_PORT = "demo.mail.port";
    public static final String STORE_PORT = "demo.store.port";
    public static final String SMTP_PORT = "demo.smtp.port";

    public static DemoSettings fromSystemProperties() {
        return from(System.getProperties());
    }

    /** @throws DemoFailure naming the property and what it should be */
    static DemoSettings from(Properties properties) {
        DemoSettings settings = new DemoSettings(
                port(properties, KEYCLOAK_PORT, DEFAULT_KEYCLOAK_PORT, false),
                port(properties, MAILBOX_PORT, DEFAULT_MAILBOX_PORT, false),
                port(properties, STORE_PORT, DEFAULT_STORE_PORT, false),
                port(properties, SMTP_PORT, 0, true));
        settings.requireDistinct();
        return settings;
    }

    /** The fixed ports, each with its property and what it is for, in the order they are checked. */
    public List<NamedPort> fixedPorts() {
        List<NamedPort> ports = new ArrayList<>(List.of(
                new NamedPort(keycloakPort, KEYCLOAK_PORT, "Keycloak"),
                new NamedPort(mailboxPort, MAILBOX_PORT, "почтовый ящик"),
                new NamedPort(storePort, STORE_PORT, "витрина")));
        if (smtpPort != 0) {
            ports.add(new NamedPort(smtpPort, SMTP_PORT, "SMTP"));
        }
        return ports;
    }

    /** A port, the property that sets it and what listens there. */
    public record NamedPort(int port, String property, String purpose) {
    }

    private void requireDistinct() {
        Map<Integer, String> seen = new LinkedHashMap<>();
        for (NamedPort named : fixedPorts()) {
            String other = seen.putIfAbsent(named.port(), named.property());
            if (other != null) {
                throw new DemoFailure(other + " и " + named.property() + " указывают на один и тот же порт "
                        + named.port() + ": каждому сервису нужен свой.");
            }
        }
    }

    private static int port(Properties properties, String name, int defaultPort, boolean zeroAllowed) {
        String value = properties.getProperty(name);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        int port;
        try {
            port = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            port = -1;
        }
        int min = zeroAllowed ? 0 : 1;
        if (port < min || port > 65535) {
            throw new DemoFailure("-D" + name + "=" + value + ": нужен номер порта от " + min + " до 65535"
                    + (zeroAllowed ? " (0 — любой свободный)" : "") + ".");
        }
        return port;
    }
}
