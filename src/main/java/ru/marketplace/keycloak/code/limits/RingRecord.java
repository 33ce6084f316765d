package ru.marketplace.keycloak.code.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where a {@link SlidingWindowLimit}'s ring of slots stands: the slot to claim next, and when each slot was last
 * claimed. Slots are claimed in ring order and all live as long, so the next slot holds the oldest claim: if it is
 * still alive, every slot is, and the limit is full until it lapses.
 *
 * <p>The record is a hint kept in one short string of the subject's store entry. The slots' atomic claims are what
 * bound the count, so a record that is stale (two requests wrote it at once and one write was lost) costs an extra
 * probe, never an extra event. Above {@value #MAX_GROUPS} slots, neighbouring slots form groups that keep one time:
 * when the ring last completed the group. The entry then stays small at any capacity; the limit may refuse while up
 * to one group's slots (capacity / {@value #MAX_GROUPS}, under 1 %) are already free again, and a wait it states may
 * be one group's span too long, never too short.
 */
final class RingRecord {

    static final int MAX_GROUPS = 128;
    private static final long UNKNOWN = -1;

    private final int capacity;
    private final int groupSize;
    private final int next;
    /** Epoch seconds (rounded up) of the claim that completed each group, or {@link #UNKNOWN}. */
    private final long[] claimedAt;

    private RingRecord(int capacity, int next, long[] claimedAt) {
        this.capacity = capacity;
        this.groupSize = groupSize(capacity);
        this.next = next;
        this.claimedAt = claimedAt;
    }

    static RingRecord empty(int capacity) {
        long[] times = new long[groupCount(capacity)];
        Arrays.fill(times, UNKNOWN);
        return new RingRecord(capacity, 0, times);
    }

    /** Reads {@link #encode()}'s output; anything else (absent, another capacity, damaged) is an empty record. */
    static RingRecord parse(String encoded, int capacity) {
        if (encoded == null) {
            return empty(capacity);
        }
        String[] parts = encoded.split(";", -1);
        try {
            if (parts.length != 4 || Integer.parseInt(parts[0], 36) != capacity) {
                return empty(capacity);
            }
            int next = Integer.parseInt(parts[1], 36);
            long newest = Long.parseLong(parts[2], 36);
            String[] ages = parts[3].split(",", -1);
            if (next < 0 || next >= capacity || ages.length != groupCount(capacity)) {
                return empty(capacity);
            }
            long[] times = new long[ages.length];
            for (int group = 0; group < ages.length; group++) {
                times[group] = ages[group].isEmpty() ? UNKNOWN : newest - Long.parseLong(ages[group], 36);
            }
            return new RingRecord(capacity, next, times);
        } catch (NumberFormatException damaged) {
            return empty(capacity);
        }
    }

    /** {@code capacity;next;newest second;age of each group in seconds}, all base 36: about 3 characters a group. */
    String encode() {
        long newest = Arrays.stream(claimedAt).max().orElse(UNKNOWN);
        StringBuilder out = new StringBuilder()
                .append(Integer.toString(capacity, 36)).append(';')
                .append(Integer.toString(next, 36)).append(';')
                .append(Long.toString(Math.max(newest, 0), 36)).append(';');
        for (int group = 0; group < claimedAt.length; group++) {
            if (group > 0) {
                out.append(',');
            }
            if (claimedAt[group] != UNKNOWN) {
                out.append(Long.toString(newest - claimedAt[group], 36));
            }
        }
        return out.toString();
    }

    int next() {
        return next;
    }

    /** Whether the record knows {@code slot}'s claim to be alive at {@code now}. */
    boolean isLive(int slot, Instant now, Duration window) {
        return freesAt(slot, window).filter(frees -> frees.isAfter(now)).isPresent();
    }

    /** When {@code slot}'s last recorded claim lapses (for a group: when the claim that completed it lapses). */
    Optional<Instant> freesAt(int slot, Duration window) {
        long claimed = claimedAt[slot / groupSize];
        return claimed == UNKNOWN ? Optional.empty() : Optional.of(Instant.ofEpochSecond(claimed).plus(window));
    }

    /** After {@code slot} was claimed at {@code now}: the ring moves on past it. */
    RingRecord claimed(int slot, Instant now) {
        long[] times = claimedAt;
        // a group's time changes only when the ring leaves it: until then it tells when last lap's claims lapse
        if (slot % groupSize == groupSize - 1 || slot == capacity - 1) {
            times = claimedAt.clone();
            // rounded up, so the record never lets a slot look free before its claim really lapses
            times[slot / groupSize] = now.getEpochSecond() + (now.getNano() > 0 ? 1 : 0);
        }
        return new RingRecord(capacity, (slot + 1) % capacity, times);
    }

    /** After {@code slot}'s claim was given back: the ring steps back onto it if it was the last one claimed. */
    RingRecord released(int slot) {
        if (next != (slot + 1) % capacity) {
            // a later claim exists: the slot stays a hole until the ring comes round (the limit is one short, never over)
            return this;
        }
        long[] times = claimedAt.clone();
        if (groupSize == 1) {
            times[slot] = UNKNOWN;
        }
        return new RingRecord(capacity, slot, times);
    }

    /** Slots the record knows to be alive (exact up to {@value #MAX_GROUPS} slots, where each has its own time). */
    int liveCount(Instant now, Duration window) {
        int live = 0;
        for (int slot = 0; slot < capacity; slot += groupSize) {
            if (isLive(slot, now, window)) {
                live += Math.min(groupSize, capacity - slot);
            }
        }
        return live;
    }

    private static int groupSize(int capacity) {
        return (capacity + MAX_GROUPS - 1) / MAX_GROUPS;
    }

    private static int groupCount(int capacity) {
        int size = groupSize(capacity);
        return (capacity + size - 1) / size;
    }
}
