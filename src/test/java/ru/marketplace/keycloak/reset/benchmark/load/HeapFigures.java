package ru.marketplace.keycloak.reset.benchmark.load;

import java.util.List;
import java.util.Locale;

/**
 * What a number of operations left on the live heap: the difference of two class histograms (each after a full
 * GC) divided by the operations, the store's entries among it, and the classes that grew most.
 */
record HeapFigures(int operations, long bytesGrown, long singleUseEntries, long rootAuthSessions, long authSessions,
                   List<ClassHistogram.Entry> topGrowth, List<ClassHistogram.Entry> topApplicationGrowth) {

    static final String SINGLE_USE_ENTRY = "org.keycloak.models.sessions.infinispan.entities.SingleUseObjectValueEntity";
    static final String ROOT_AUTH_SESSION = "org.keycloak.models.sessions.infinispan.entities.RootAuthenticationSessionEntity";
    static final String AUTH_SESSION = "org.keycloak.models.sessions.infinispan.entities.AuthenticationSessionEntity";

    static HeapFigures between(ClassHistogram before, ClassHistogram after, int operations) {
        return new HeapFigures(operations, after.totalBytes() - before.totalBytes(),
                after.instances(SINGLE_USE_ENTRY) - before.instances(SINGLE_USE_ENTRY),
                after.instances(ROOT_AUTH_SESSION) - before.instances(ROOT_AUTH_SESSION),
                after.instances(AUTH_SESSION) - before.instances(AUTH_SESSION),
                after.growthSince(before, 10),
                after.growthSince(before, 10, HeapFigures::isApplicationClass));
    }

    /**
     * Not the JDK's own classes and no arrays: what Keycloak, Infinispan, Quarkus and this extension hold. The JDK's
     * byte arrays, strings and map nodes dominate any histogram; these say whose they are.
     */
    static boolean isApplicationClass(String className) {
        return !(className.startsWith("[") || className.startsWith("java.") || className.startsWith("jdk.")
                || className.startsWith("sun.") || className.startsWith("javax."));
    }

    double kilobytesPerOperation() {
        return operations == 0 ? Double.NaN : bytesGrown / 1024.0 / operations;
    }

    double singleUsePerOperation() {
        return operations == 0 ? Double.NaN : (double) singleUseEntries / operations;
    }

    /** "single-use 3.00, auth sessions 1.00 (root 1.00)" per operation. */
    String storeEntriesPerOperation() {
        if (operations == 0) {
            return ResultTable.NOT_MEASURED;
        }
        return "single-use " + ResultTable.number((double) singleUseEntries / operations)
                + ", auth sessions " + ResultTable.number((double) authSessions / operations)
                + " (root " + ResultTable.number((double) rootAuthSessions / operations) + ")";
    }

    /** The top classes as Markdown table lines: class, instances per operation, bytes per operation. */
    String topGrowthMarkdown() {
        return markdown(topGrowth);
    }

    /** The same for {@link #isApplicationClass application classes} only. */
    String topApplicationGrowthMarkdown() {
        return markdown(topApplicationGrowth);
    }

    private String markdown(List<ClassHistogram.Entry> entries) {
        StringBuilder out = new StringBuilder("| class | instances/op | bytes/op |\n|---|---|---|\n");
        for (ClassHistogram.Entry entry : entries) {
            out.append(String.format(Locale.ROOT, "| `%s` | %s | %s |%n", entry.className(),
                    ResultTable.number((double) entry.instances() / operations),
                    ResultTable.number((double) entry.bytes() / operations)));
        }
        return out.toString();
    }
}
