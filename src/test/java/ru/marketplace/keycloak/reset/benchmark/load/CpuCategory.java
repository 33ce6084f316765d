package ru.marketplace.keycloak.reset.benchmark.load;

import java.util.List;

/**
 * What a CPU sample of the server was doing, decided from its stack: the frame nearest the leaf whose class
 * belongs to a known library or layer names the category. JDK frames are neutral (a {@code HashMap.get} counts
 * for whoever called it), except the JDK's own cryptography.
 */
enum CpuCategory {

    HASHING("password hashing (Argon2)", "org.bouncycastle.crypto.generators.Argon2", "org.keycloak.crypto.hash.",
            "org.keycloak.credential.hash."),
    EXTENSION("the extension's own code (ru.marketplace)", "ru.marketplace."),
    TEMPLATES("page and mail templates (FreeMarker)", "freemarker.", "org.keycloak.theme.", "org.keycloak.forms.login.freemarker."),
    SMTP("SMTP (Jakarta Mail, Angus)", "jakarta.mail.", "org.eclipse.angus.", "com.sun.mail.", "org.keycloak.email."),
    DATABASE("database (Hibernate, JDBC, Agroal, Keycloak's JPA)", "org.hibernate.", "org.postgresql.", "io.agroal.",
            "org.keycloak.models.jpa.", "org.keycloak.events.jpa.", "jakarta.persistence.", "net.bytebuddy."),
    CACHES("caches and sessions (Infinispan)", "org.infinispan.", "org.keycloak.models.sessions.infinispan.",
            "org.keycloak.models.cache.", "org.jgroups."),
    CRYPTO("signatures, MACs, random (JDK crypto, Bouncy Castle)", "sun.security.", "com.sun.crypto.", "javax.crypto.",
            "java.security.", "org.bouncycastle."),
    HTTP("HTTP and REST framework (Vert.x, Netty, RESTEasy, Quarkus)", "io.vertx.", "io.netty.", "org.jboss.resteasy.",
            "io.quarkus.", "org.jboss.", "jakarta.ws.rs."),
    JSON("JSON (Jackson)", "com.fasterxml."),
    KEYCLOAK("Keycloak's other code", "org.keycloak."),
    OTHER("other (JDK only or unknown)");

    private final String label;
    private final List<String> prefixes;

    CpuCategory(String label, String... prefixes) {
        this.label = label;
        this.prefixes = List.of(prefixes);
    }

    String label() {
        return label;
    }

    /**
     * @param frames the classes of a sample's frames, leaf first
     */
    static CpuCategory of(List<String> frames) {
        for (String frame : frames) {
            CpuCategory category = owner(frame);
            if (category != null) {
                return category;
            }
        }
        return OTHER;
    }

    /** The category a class belongs to, or null for a neutral (JDK) class. */
    private static CpuCategory owner(String className) {
        for (CpuCategory category : values()) {
            for (String prefix : category.prefixes) {
                if (className.startsWith(prefix)) {
                    return category;
                }
            }
        }
        return null;
    }

    /** True when any frame is the extension's: the extension's code with everything it called. */
    static boolean underExtension(List<String> frames) {
        return frames.stream().anyMatch(f -> f.startsWith("ru.marketplace."));
    }
}
