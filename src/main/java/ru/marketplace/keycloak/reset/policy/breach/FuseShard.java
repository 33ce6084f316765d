package ru.marketplace.keycloak.reset.policy.breach;

import java.nio.ByteBuffer;

/**
 * One binary fuse filter (Graf and Lemire, "Binary Fuse Filters: Fast and Smaller Than Xor Filters", 2022): three
 * fingerprints per key, XORed, in an array about 1.125 times the number of keys; a key is "maybe present" when the
 * XOR of its three slots equals its fingerprint. With f-bit fingerprints an absent key matches with probability
 * 2<sup>-f</sup>; a present key always matches (no false negatives).
 *
 * <p>This class holds the geometry and the arithmetic shared by the builder ({@link #build}) and the lookup
 * ({@link #mayContain}), which reads the packed fingerprints straight from a (memory-mapped) buffer. The
 * construction follows the reference implementation (github.com/FastFilter/xor_singleheader, Apache-2.0/MIT)
 * step for step; only the fingerprints are bit-packed (f = 8…16 bits, big-endian bit order) so that 14-bit
 * fingerprints cost 14 bits and not 16.
 *
 * @param seed          mixes the keys; chosen by the builder until construction succeeds
 * @param segmentLength a power of two; 0 for an empty shard
 * @param segmentCount  segments a key's first slot may fall in (the array has two more)
 * @param keyCount      keys the shard was built from
 */
public record FuseShard(long seed, int segmentLength, int segmentCount, int keyCount) {

    /** The reference implementation's bound; with distinct keys a second attempt is already rare. */
    private static final int MAX_ATTEMPTS = 100;
    private static final int ARITY = 3;
    private static final int LONGEST_SEGMENT = 1 << 18;

    /** Geometry for {@code keyCount} keys, as the reference implementation computes it (sizes are sensitive). */
    static FuseShard forKeys(int keyCount, long seed) {
        if (keyCount == 0) {
            return new FuseShard(seed, 0, 0, 0);
        }
        int exponent = (int) Math.floor(Math.log(keyCount) / Math.log(3.33) + 2.25);
        int segmentLength = Math.min(LONGEST_SEGMENT, 1 << Math.max(2, exponent));
        double sizeFactor = keyCount <= 1 ? 0 : Math.max(1.125, 0.875 + 0.25 * Math.log(1_000_000) / Math.log(keyCount));
        long capacity = Math.round(keyCount * sizeFactor);
        long segmentCount = (capacity + segmentLength - 1) / segmentLength - (ARITY - 1);
        return new FuseShard(seed, segmentLength, (int) Math.max(1, segmentCount), keyCount);
    }

    /** Slots of the fingerprint array. */
    public int arrayLength() {
        return segmentLength == 0 ? 0 : (segmentCount + ARITY - 1) * segmentLength;
    }

    /** Bytes of the packed array, with 3 bytes of padding so that a lookup may always read 4 bytes. */
    public long packedBytes(int fingerprintBits) {
        return segmentLength == 0 ? 0 : ((long) arrayLength() * fingerprintBits + 7) / 8 + 3;
    }

    /**
     * Whether {@code key} may be in the shard whose packed fingerprints start at {@code offset} of {@code packed}.
     * Thread-safe: only absolute reads of the buffer.
     */
    public boolean mayContain(long key, ByteBuffer packed, int offset, int fingerprintBits) {
        if (segmentLength == 0) {
            return false;
        }
        long hash = mix(key + seed);
        int mask = (1 << fingerprintBits) - 1;
        int fingerprint = fingerprint(hash, mask);
        int segmentCountLength = segmentCount * segmentLength;
        int h0 = (int) unsignedMultiplyHigh(hash, segmentCountLength);
        int h1 = h0 + segmentLength;
        int h2 = h1 + segmentLength;
        int segmentMask = segmentLength - 1;
        h1 ^= (int) (hash >>> 18) & segmentMask;
        h2 ^= (int) hash & segmentMask;
        int stored = read(packed, offset, h0, fingerprintBits, mask) ^ read(packed, offset, h1, fingerprintBits, mask)
                ^ read(packed, offset, h2, fingerprintBits, mask);
        return stored == fingerprint;
    }

    /**
     * Builds the fingerprints of {@code keys[from, to)}, which must be distinct (duplicates make every attempt
     * fail). Seeds are drawn from a fixed sequence, so the same keys always give the same bytes.
     *
     * @return the shard's geometry and its packed fingerprints ({@link #packedBytes} long)
     */
    static Built build(long[] keys, int from, int to, int fingerprintBits) {
        int size = to - from;
        long seedState = 0x9E3779B97F4A7C15L * (size + 1L);
        FuseShard shard = forKeys(size, splitMix(seedState));
        if (size == 0) {
            return new Built(shard, new byte[0]);
        }
        int capacity = shard.arrayLength();
        int[] alone = new int[capacity];
        byte[] t2count = new byte[capacity];
        long[] t2hash = new long[capacity];
        byte[] reverseH = new byte[size];
        long[] reverseOrder = new long[size + 1];
        int[] h012 = new int[5];
        int blockBits = 1;
        while ((1 << blockBits) < shard.segmentCount) {
            blockBits++;
        }
        int[] startPos = new int[1 << blockBits];
        for (int attempt = 1; ; attempt++) {
            if (attempt > MAX_ATTEMPTS) {
                throw new IllegalArgumentException("cannot build a binary fuse filter: are the keys distinct?");
            }
            long seed = shard.seed;
            java.util.Arrays.fill(reverseOrder, 0, size, 0L);
            reverseOrder[size] = 1;
            java.util.Arrays.fill(t2count, (byte) 0);
            java.util.Arrays.fill(t2hash, 0L);
            // order the keys by segment so the peeling below walks memory in order (the reference's cache trick)
            for (int i = 0; i < startPos.length; i++) {
                startPos[i] = (int) (((long) i * size) >>> blockBits);
            }
            for (int k = from; k < to; k++) {
                long hash = mix(keys[k] + seed);
                int segmentIndex = (int) (hash >>> (64 - blockBits));
                while (reverseOrder[startPos[segmentIndex]] != 0) {
                    segmentIndex = (segmentIndex + 1) & ((1 << blockBits) - 1);
                }
                reverseOrder[startPos[segmentIndex]] = hash;
                startPos[segmentIndex]++;
            }
            boolean failed = false;
            for (int i = 0; i < size; i++) {
                long hash = reverseOrder[i];
                int[] h = shard.slots(hash);
                for (int j = 0; j < ARITY; j++) {
                    t2count[h[j]] = (byte) ((t2count[h[j]] + 4) ^ j);
                    t2hash[h[j]] ^= hash;
                }
                if ((t2hash[h[0]] & t2hash[h[1]] & t2hash[h[2]]) == 0
                        && ((t2hash[h[0]] == 0 && t2count[h[0]] == 8) || (t2hash[h[1]] == 0 && t2count[h[1]] == 8)
                        || (t2hash[h[2]] == 0 && t2count[h[2]] == 8))) {
                    failed = true; // the same hash twice
                    break;
                }
                if ((t2count[h[0]] & 0xFF) < 4 || (t2count[h[1]] & 0xFF) < 4 || (t2count[h[2]] & 0xFF) < 4) {
                    failed = true; // more than 63 keys on one slot: the 6-bit counter overflowed
                    break;
                }
            }
            int stackSize = failed ? -1 : peel(shard, size, alone, t2count, t2hash, reverseH, reverseOrder, h012);
            if (stackSize == size) {
                break;
            }
            seedState += 1;
            shard = new FuseShard(splitMix(seedState), shard.segmentLength, shard.segmentCount, size);
        }
        short[] fingerprints = new short[capacity];
        int mask = (1 << fingerprintBits) - 1;
        for (int i = size - 1; i >= 0; i--) {
            long hash = reverseOrder[i];
            int[] h = shard.slots(hash);
            int found = reverseH[i];
            h012[0] = h[0];
            h012[1] = h[1];
            h012[2] = h[2];
            h012[3] = h[0];
            h012[4] = h[1];
            fingerprints[h012[found]] = (short) (fingerprint(hash, mask)
                    ^ fingerprints[h012[found + 1]] ^ fingerprints[h012[found + 2]]);
        }
        return new Built(shard, pack(fingerprints, fingerprintBits, shard.packedBytes(fingerprintBits)));
    }

    /** The shard's geometry and packed fingerprints. */
    record Built(FuseShard shard, byte[] packed) {
    }

    private static int peel(FuseShard shard, int size, int[] alone, byte[] t2count, long[] t2hash, byte[] reverseH,
                            long[] reverseOrder, int[] h012) {
        int capacity = alone.length;
        int queueSize = 0;
        for (int i = 0; i < capacity; i++) {
            alone[queueSize] = i;
            if (((t2count[i] & 0xFF) >> 2) == 1) {
                queueSize++;
            }
        }
        int stackSize = 0;
        while (queueSize > 0) {
            int index = alone[--queueSize];
            if (((t2count[index] & 0xFF) >> 2) != 1) {
                continue;
            }
            long hash = t2hash[index];
            int found = t2count[index] & 3;
            reverseH[stackSize] = (byte) found;
            reverseOrder[stackSize] = hash;
            stackSize++;
            int[] h = shard.slots(hash);
            h012[1] = h[1];
            h012[2] = h[2];
            h012[3] = h[0];
            h012[4] = h012[1];
            for (int step = 1; step <= 2; step++) {
                int other = h012[found + step];
                alone[queueSize] = other;
                if (((t2count[other] & 0xFF) >> 2) == 2) {
                    queueSize++;
                }
                t2count[other] = (byte) (((t2count[other] & 0xFF) - 4) ^ ((found + step) % 3));
                t2hash[other] ^= hash;
            }
        }
        return stackSize;
    }

    private int[] slots(long hash) {
        int h0 = (int) unsignedMultiplyHigh(hash, (long) segmentCount * segmentLength);
        int h1 = h0 + segmentLength;
        int h2 = h1 + segmentLength;
        h1 ^= (int) (hash >>> 18) & (segmentLength - 1);
        h2 ^= (int) hash & (segmentLength - 1);
        return new int[] {h0, h1, h2};
    }

    private static byte[] pack(short[] fingerprints, int bits, long packedBytes) {
        byte[] packed = new byte[Math.toIntExact(packedBytes)];
        long bitPosition = 0;
        for (short value : fingerprints) {
            int v = value & ((1 << bits) - 1);
            int byteIndex = (int) (bitPosition >>> 3);
            int shift = 24 - bits - (int) (bitPosition & 7); // place v in a 24-bit big-endian window
            int window = v << shift;
            packed[byteIndex] |= (byte) (window >>> 16);
            packed[byteIndex + 1] |= (byte) (window >>> 8);
            packed[byteIndex + 2] |= (byte) window;
            bitPosition += bits;
        }
        return packed;
    }

    private static int read(ByteBuffer packed, int offset, int slot, int bits, int mask) {
        long bitPosition = (long) slot * bits;
        int word = packed.getInt(offset + (int) (bitPosition >>> 3));
        return (word >>> (32 - bits - (int) (bitPosition & 7))) & mask;
    }

    private static int fingerprint(long hash, int mask) {
        return (int) (hash ^ (hash >>> 32)) & mask;
    }

    /** MurmurHash3's 64-bit finaliser: spreads the (already uniform) SHA-1 prefix with the seed. */
    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private static long splitMix(long state) {
        long z = state + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Java 18's Math.unsignedMultiplyHigh, for Java 17: the high 64 bits of hash (unsigned) × a positive factor. */
    private static long unsignedMultiplyHigh(long hash, long positiveFactor) {
        return Math.multiplyHigh(hash, positiveFactor) + ((hash >> 63) & positiveFactor);
    }
}
