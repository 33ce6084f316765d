package ru.marketplace.keycloak.reset.benchmark.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * The Java threads' CPU samples of one JFR recording of the server ({@code jdk.ExecutionSample}), counted by
 * {@link CpuCategory}, plus the extension's share counted two ways: samples whose leaf frame is the extension's
 * (its own code) and samples with an extension frame anywhere (its code and all it called). Samples are shares,
 * not times: {@link #millis} turns a share into milliseconds of the Java threads' CPU measured from /proc.
 *
 * @param byCategory         samples per category
 * @param extensionSelf      samples whose leaf frame is in {@code ru.marketplace}
 * @param extensionInclusive samples with any frame in {@code ru.marketplace}
 * @param topExtensionFrames the extension's methods that are leaf frames, by samples (its hottest own code)
 */
record CpuProfile(Map<CpuCategory, Integer> byCategory, int extensionSelf, int extensionInclusive,
                  Map<String, Integer> topExtensionFrames) {

    int samples() {
        return byCategory.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** {@code part} samples as milliseconds of {@code javaThreadsMillis} (the Java threads' measured CPU). */
    double millis(int part, double javaThreadsMillis) {
        int all = samples();
        return all == 0 ? Double.NaN : javaThreadsMillis * part / all;
    }

    static CpuProfile read(Path recording) {
        Map<CpuCategory, Integer> byCategory = new EnumMap<>(CpuCategory.class);
        Map<String, Integer> extensionLeaves = new TreeMap<>();
        int self = 0;
        int inclusive = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                List<String> frames = new ArrayList<>();
                String leafMethod = null;
                RecordedStackTrace stack = event.getStackTrace();
                if (stack != null) {
                    for (RecordedFrame frame : stack.getFrames()) {
                        if (frame.getMethod() == null || frame.getMethod().getType() == null) {
                            continue;
                        }
                        String type = frame.getMethod().getType().getName();
                        if (leafMethod == null) {
                            leafMethod = type + "." + frame.getMethod().getName();
                        }
                        frames.add(type);
                    }
                }
                byCategory.merge(CpuCategory.of(frames), 1, Integer::sum);
                if (!frames.isEmpty() && frames.get(0).startsWith("ru.marketplace.")) {
                    self++;
                    extensionLeaves.merge(leafMethod, 1, Integer::sum);
                }
                if (CpuCategory.underExtension(frames)) {
                    inclusive++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the JFR recording " + recording, e);
        }
        return new CpuProfile(byCategory, self, inclusive, extensionLeaves);
    }
}
