package ru.marketplace.keycloak.reset.benchmark.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live objects of a JVM by class, parsed from {@code jcmd <pid> GC.class_histogram}, which runs a full GC
 * first, so its figures are the live heap. Lines look like {@code "   1:    12345    678901  java.lang.String
 * (java.base@17.0.15)"}; the last one is {@code "Total    123456   7890123"}.
 */
final class ClassHistogram {

    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)(?:\\s+\\(.*\\))?\\s*$");
    private static final Pattern TOTAL = Pattern.compile("^\\s*Total\\s+(\\d+)\\s+(\\d+)\\s*$");

    /** Instances and shallow bytes of one class (a difference may be negative). */
    record Entry(String className, long instances, long bytes) {
    }

    private final Map<String, Entry> byClass;
    private final long totalInstances;
    private final long totalBytes;

    private ClassHistogram(Map<String, Entry> byClass, long totalInstances, long totalBytes) {
        this.byClass = byClass;
        this.totalInstances = totalInstances;
        this.totalBytes = totalBytes;
    }

    static ClassHistogram parse(String jcmdOutput) {
        Map<String, Entry> byClass = new HashMap<>();
        Long instances = null;
        Long bytes = null;
        for (String line : jcmdOutput.split("\\R")) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                // one class name can appear once per class loader: add them up
                byClass.merge(row.group(3), new Entry(row.group(3), Long.parseLong(row.group(1)), Long.parseLong(row.group(2))),
                        (a, b) -> new Entry(a.className(), a.instances() + b.instances(), a.bytes() + b.bytes()));
                continue;
            }
            Matcher total = TOTAL.matcher(line);
            if (total.matches()) {
                instances = Long.parseLong(total.group(1));
                bytes = Long.parseLong(total.group(2));
            }
        }
        if (instances == null) {
            throw new IllegalArgumentException("no 'Total' line in the class histogram: "
                    + jcmdOutput.substring(0, Math.min(500, jcmdOutput.length())));
        }
        return new ClassHistogram(byClass, instances, bytes);
    }

    long totalBytes() {
        return totalBytes;
    }

    long totalInstances() {
        return totalInstances;
    }

    /** Instances of the class with this exact name (0 when absent). */
    long instances(String className) {
        Entry entry = byClass.get(className);
        return entry == null ? 0 : entry.instances();
    }

    /** Per class, this histogram minus {@code earlier}, largest growth in bytes first, at most {@code limit}. */
    List<Entry> growthSince(ClassHistogram earlier, int limit) {
        return growthSince(earlier, limit, name -> true);
    }

    /** As {@link #growthSince(ClassHistogram, int)}, only classes whose name passes {@code which}. */
    List<Entry> growthSince(ClassHistogram earlier, int limit, java.util.function.Predicate<String> which) {
        Set<String> names = new HashSet<>(byClass.keySet());
        names.addAll(earlier.byClass.keySet());
        List<Entry> growth = new ArrayList<>();
        names.removeIf(which.negate());
        for (String name : names) {
            Entry now = byClass.getOrDefault(name, new Entry(name, 0, 0));
            Entry then = earlier.byClass.getOrDefault(name, new Entry(name, 0, 0));
            growth.add(new Entry(name, now.instances() - then.instances(), now.bytes() - then.bytes()));
        }
        growth.sort(Comparator.comparingLong(Entry::bytes).reversed().thenComparing(Entry::className));
        return List.copyOf(growth.subList(0, Math.min(limit, growth.size())));
    }
}
