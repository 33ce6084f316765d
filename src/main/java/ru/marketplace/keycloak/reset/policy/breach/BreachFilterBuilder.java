package ru.marketplace.keycloak.reset.policy.breach;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects breached passwords (Pwned Passwords hash lines, plain passwords) and writes a {@link BreachFilterFormat}
 * file. Keys are sorted and de-duplicated, so the input may be in any order and may repeat itself.
 *
 * <p>Memory: 8 bytes per input line for the keys, about 30 bytes per key of the shard being built (at most
 * {@value #LARGEST_SHARD} keys), and the finished fingerprints (≈ 2 bytes per key) until they are written:
 * 100 million passwords peaked at 1.5 GB resident with -Xmx3g (README).
 */
public final class BreachFilterBuilder {

    /** 2^-14 = 1 in 16,384 unlisted passwords refused, at 1.97 bytes per listed one (see README). */
    public static final int DEFAULT_FINGERPRINT_BITS = 14;
    /** Shards keep the builder's working set bounded and every mapping below 2 GiB. */
    static final int LARGEST_SHARD = 1 << 23;

    private final int fingerprintBits;
    private long[] keys;
    private int size;

    public BreachFilterBuilder(int fingerprintBits, int expectedKeys) {
        if (fingerprintBits < BreachFilterFormat.MIN_FINGERPRINT_BITS
                || fingerprintBits > BreachFilterFormat.MAX_FINGERPRINT_BITS) {
            throw new IllegalArgumentException("fingerprint bits must be " + BreachFilterFormat.MIN_FINGERPRINT_BITS
                    + " to " + BreachFilterFormat.MAX_FINGERPRINT_BITS + ", not " + fingerprintBits);
        }
        this.fingerprintBits = fingerprintBits;
        this.keys = new long[Math.max(16, expectedKeys)];
    }

    /** Adds one key ({@link PasswordKeys}). */
    public void addKey(long key) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, Math.toIntExact(Math.min(Integer.MAX_VALUE - 8, keys.length * 3L / 2)));
        }
        keys[size++] = key;
    }

    /** Adds a plain password in each of its {@link PasswordKeys#forms forms}. */
    public void addPassword(String password) {
        for (String form : PasswordKeys.forms(password)) {
            addKey(PasswordKeys.ofPassword(form));
        }
    }

    /** One password a line (UTF-8); empty lines are skipped, nothing is trimmed. */
    public void addPlainList(Reader list) throws IOException {
        BufferedReader lines = list instanceof BufferedReader buffered ? buffered : new BufferedReader(list);
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (!line.isEmpty()) {
                addPassword(line);
            }
        }
    }

    /**
     * The Pwned Passwords download format: {@code SHA1:count} a line, 40 hex digits (either case), CR LF or LF.
     * Parsed from bytes, since the full list has about a billion lines.
     *
     * @return lines skipped because they were not such a line (a plain list given by mistake shows here)
     */
    public long addPwnedList(InputStream in) throws IOException {
        byte[] buffer = new byte[1 << 16];
        char[] line = new char[64];
        int lineLength = 0;
        boolean overlong = false;
        long skipped = 0;
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            for (int i = 0; i < read; i++) {
                byte b = buffer[i];
                if (b == '\n') {
                    skipped += addPwnedLine(line, lineLength, overlong);
                    lineLength = 0;
                    overlong = false;
                } else if (b != '\r') {
                    if (lineLength < line.length) {
                        line[lineLength++] = (char) (b & 0xFF);
                    } else {
                        overlong = true;
                    }
                }
            }
        }
        return skipped + addPwnedLine(line, lineLength, overlong);
    }

    private int addPwnedLine(char[] line, int length, boolean overlong) {
        if (length == 0) {
            return 0;
        }
        Long key = overlong ? null : PasswordKeys.ofPwnedLine(java.nio.CharBuffer.wrap(line, 0, length));
        if (key == null) {
            return 1;
        }
        addKey(key);
        return 0;
    }

    /** Keys added so far, duplicates included. */
    public int added() {
        return size;
    }

    /**
     * Sorts, de-duplicates, builds and writes the file; written next to {@code output} first and then moved over
     * it, so a node reading {@code output} never sees half a file.
     *
     * @return distinct keys written
     */
    public long writeTo(Path output) throws IOException {
        Path absolute = output.toAbsolutePath();
        Path temporary = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".part");
        try {
            long written;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 20)) {
                written = writeTo(out);
            }
            readableByAll(temporary);
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return written;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** A temporary file is private (rw-------); Keycloak may run as another user, and the list is public anyway. */
    private static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** As {@link #writeTo(Path)}, to a stream. */
    public long writeTo(OutputStream out) throws IOException {
        int distinct = sortDistinct();
        int shardBits = 0;
        while ((distinct >>> shardBits) >= LARGEST_SHARD) {
            shardBits++;
        }
        List<FuseShard.Built> shards = new ArrayList<>(1 << shardBits);
        int from = 0;
        for (int shard = 0; shard < (1 << shardBits); shard++) {
            int to = from;
            while (to < distinct && shardOf(keys[to], shardBits) == shard) {
                to++;
            }
            shards.add(FuseShard.build(keys, from, to, fingerprintBits));
            from = to;
        }
        BreachFilterFormat.write(out, fingerprintBits, shardBits, shards);
        return distinct;
    }

    private static int shardOf(long key, int shardBits) {
        return shardBits == 0 ? 0 : (int) (key >>> (64 - shardBits));
    }

    /** Sorts the keys as unsigned numbers (so each shard is one run) and drops repeats; returns how many remain. */
    private int sortDistinct() {
        for (int i = 0; i < size; i++) {
            keys[i] ^= Long.MIN_VALUE;
        }
        Arrays.sort(keys, 0, size);
        int distinct = 0;
        for (int i = 0; i < size; i++) {
            long key = keys[i] ^ Long.MIN_VALUE;
            if (distinct == 0 || keys[distinct - 1] != key) {
                keys[distinct++] = key;
            }
        }
        size = distinct;
        return distinct;
    }
}
