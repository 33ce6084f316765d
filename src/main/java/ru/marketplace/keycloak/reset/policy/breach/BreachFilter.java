package ru.marketplace.keycloak.reset.policy.breach;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A filter of breached passwords read from a {@link BreachFilterFormat} file: {@link #mightContain} answers for a
 * {@link PasswordKeys key} with no false negatives and a false-positive rate of 2<sup>-fingerprintBits</sup>.
 *
 * <p>{@link #open} memory-maps the file read-only: the fingerprints stay outside the Java heap, in the page cache
 * the operating system shares between processes, and opening reads only the header and the shard table
 * (microseconds, whatever the file's size). The instance is immutable and thread-safe (lookups use absolute reads
 * of read-only buffers), so one per node serves every realm and request.
 */
public final class BreachFilter {

    private final BreachFilterFormat.Header header;
    private final FuseShard[] shards;
    private final ByteBuffer[] fingerprints;
    private final String source;

    private BreachFilter(BreachFilterFormat.Header header, FuseShard[] shards, ByteBuffer[] fingerprints, String source) {
        this.header = header;
        this.shards = shards;
        this.fingerprints = fingerprints;
        this.source = source;
    }

    /**
     * Maps a filter file.
     *
     * @throws BreachFilterFileException when the file is missing, unreadable, truncated, or not such a file; its
     *                                   message names the file and what is wrong, for the admin
     */
    public static BreachFilter open(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            int prefix = (int) Math.min(size, BreachFilterFormat.HEADER_BYTES);
            ByteBuffer head = channel.map(FileChannel.MapMode.READ_ONLY, 0, prefix);
            BreachFilterFormat.Header header = BreachFilterFormat.readHeader(head, size, file.toString());
            ByteBuffer table = channel.map(FileChannel.MapMode.READ_ONLY, 0, header.dataStart());
            FuseShard[] shards = BreachFilterFormat.readShards(table, header, file.toString());
            ByteBuffer[] fingerprints = new ByteBuffer[shards.length];
            long position = header.dataStart();
            for (int i = 0; i < shards.length; i++) {
                long length = shards[i].packedBytes(header.fingerprintBits());
                // one mapping per shard: each is far below the 2 GiB a ByteBuffer can address, the file need not be
                fingerprints[i] = channel.map(FileChannel.MapMode.READ_ONLY, position, length);
                position += length;
            }
            return new BreachFilter(header, shards, fingerprints, file.toString());
        } catch (NoSuchFileException missing) {
            throw new BreachFilterFileException("The breached-password file " + file + " does not exist on this node");
        } catch (IOException unreadable) {
            throw new BreachFilterFileException("The breached-password file " + file + " cannot be read: " + unreadable);
        }
    }

    /** Reads a filter from bytes already in memory (the list shipped in the jar). */
    public static BreachFilter read(ByteBuffer bytes, String source) {
        ByteBuffer whole = bytes.duplicate();
        BreachFilterFormat.Header header = BreachFilterFormat.readHeader(whole.duplicate(), whole.remaining(), source);
        FuseShard[] shards = BreachFilterFormat.readShards(whole.duplicate(), header, source);
        ByteBuffer[] fingerprints = new ByteBuffer[shards.length];
        int position = Math.toIntExact(header.dataStart());
        for (int i = 0; i < shards.length; i++) {
            int length = Math.toIntExact(shards[i].packedBytes(header.fingerprintBits()));
            fingerprints[i] = whole.slice(position, length);
            position += length;
        }
        return new BreachFilter(header, shards, fingerprints, source);
    }

    /** Whether the password with this {@link PasswordKeys key} may be listed; never {@code false} for a listed one. */
    public boolean mightContain(long key) {
        int shardBits = header.shardBits();
        int shard = shardBits == 0 ? 0 : (int) (key >>> (64 - shardBits));
        return shards[shard].mayContain(key, fingerprints[shard], 0, header.fingerprintBits());
    }

    /** Reads every fingerprint and checks the data's CRC: finds damage inside a file that opened (slow: reads it all). */
    public boolean dataIntact() {
        return BreachFilterFormat.verifyData(header, fingerprints);
    }

    /** Distinct keys the filter was built from. */
    public long entries() {
        return header.entries();
    }

    public int fingerprintBits() {
        return header.fingerprintBits();
    }

    /** The chance that a password not on the list is taken for a listed one: 2<sup>-fingerprintBits</sup>. */
    public double falsePositiveRate() {
        return Math.pow(2, -header.fingerprintBits());
    }

    /** For logs and the admin: the file, its entries and its false-positive rate. */
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s (%,d passwords, %d-bit fingerprints, false positives 1 in %,d)",
                source, entries(), fingerprintBits(), 1L << fingerprintBits());
    }
}
