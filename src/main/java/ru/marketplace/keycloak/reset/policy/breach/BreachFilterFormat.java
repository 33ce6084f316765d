package ru.marketplace.keycloak.reset.policy.breach;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The breached-password file, version {@value #VERSION}. Big-endian throughout:
 * <pre>
 * offset size  header ({@value #HEADER_BYTES} bytes)
 *      0    8  magic "MPBRFUSE"
 *      8    4  version (1)
 *     12    4  fingerprint bits f (8–16)
 *     16    4  shard bits s (0–16): a key's top s bits pick its shard
 *     20    4  0
 *     24    8  distinct passwords
 *     32    8  bytes of fingerprint data
 *     40    4  CRC-32C of the fingerprint data
 *     44    4  CRC-32C of bytes 0–43 and the shard table
 *     48   16  0
 *     64       shard table: 2^s × {@value #SHARD_ENTRY_BYTES} bytes: seed (8), segment length (4), segment count (4),
 *              passwords (4), 0 (4)
 *              fingerprint data: each shard's packed f-bit fingerprints ({@link FuseShard#packedBytes}), in order
 * </pre>
 * Opening checks everything but the data's CRC (that would read the whole file: {@link #verifyData} does, for the
 * command): the magic and version recognise a foreign file, the header CRC a damaged header, and the exact length a
 * truncated or overlong copy.
 */
public final class BreachFilterFormat {

    public static final int VERSION = 1;
    public static final int HEADER_BYTES = 64;
    static final int SHARD_ENTRY_BYTES = 24;
    static final int MIN_FINGERPRINT_BITS = 8;
    static final int MAX_FINGERPRINT_BITS = 16;
    static final int MAX_SHARD_BITS = 16;
    private static final byte[] MAGIC = "MPBRFUSE".getBytes(StandardCharsets.US_ASCII);
    private static final int CHECKED_HEADER_BYTES = 44;

    private BreachFilterFormat() {
    }

    /** What the header says; {@link #dataStart()} is where the fingerprints begin. */
    public record Header(int fingerprintBits, int shardBits, long entries, long dataBytes, int dataCrc, int tableCrc) {

        public long dataStart() {
            return HEADER_BYTES + ((long) SHARD_ENTRY_BYTES << shardBits);
        }
    }

    /** Writes a whole file: header, shard table, fingerprints. */
    static void write(OutputStream out, int fingerprintBits, int shardBits, List<FuseShard.Built> shards)
            throws IOException {
        long entries = 0;
        long dataBytes = 0;
        CRC32C dataCrc = new CRC32C();
        ByteBuffer table = ByteBuffer.allocate(SHARD_ENTRY_BYTES << shardBits);
        for (FuseShard.Built built : shards) {
            FuseShard shard = built.shard();
            entries += shard.keyCount();
            dataBytes += built.packed().length;
            dataCrc.update(built.packed());
            table.putLong(shard.seed()).putInt(shard.segmentLength()).putInt(shard.segmentCount())
                    .putInt(shard.keyCount()).putInt(0);
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        header.put(MAGIC).putInt(VERSION).putInt(fingerprintBits).putInt(shardBits).putInt(0)
                .putLong(entries).putLong(dataBytes).putInt((int) dataCrc.getValue());
        CRC32C tableCrc = new CRC32C();
        tableCrc.update(header.array(), 0, CHECKED_HEADER_BYTES);
        tableCrc.update(table.array());
        header.putInt((int) tableCrc.getValue());
        out.write(header.array());
        out.write(table.array());
        for (FuseShard.Built built : shards) {
            out.write(built.packed());
        }
    }

    /**
     * Reads and checks the header.
     *
     * @param head       the file's first bytes (at least {@value #HEADER_BYTES} unless the file is shorter)
     * @param fileLength the file's length, to recognise a truncated copy
     * @param name       the file, for messages
     */
    static Header readHeader(ByteBuffer head, long fileLength, String name) {
        if (fileLength < HEADER_BYTES || head.remaining() < HEADER_BYTES) {
            throw problem(name, "is too short to be a breached-password file (" + fileLength + " bytes)");
        }
        byte[] magic = new byte[MAGIC.length];
        head.get(0, magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw problem(name, "is not a breached-password file: build it with the command in README "
                    + "(Password policy → Breached passwords)");
        }
        int version = head.getInt(8);
        if (version != VERSION) {
            throw problem(name, "has format version " + version + "; this extension reads version " + VERSION
                    + ": rebuild it with this version's command");
        }
        int fingerprintBits = head.getInt(12);
        int shardBits = head.getInt(16);
        if (fingerprintBits < MIN_FINGERPRINT_BITS || fingerprintBits > MAX_FINGERPRINT_BITS
                || shardBits < 0 || shardBits > MAX_SHARD_BITS) {
            throw problem(name, "has a damaged header");
        }
        Header header = new Header(fingerprintBits, shardBits, head.getLong(24), head.getLong(32), head.getInt(40),
                head.getInt(44));
        long expected = header.dataStart() + header.dataBytes();
        if (header.dataBytes() < 0 || fileLength != expected) {
            throw problem(name, (fileLength < expected ? "is truncated" : "has extra bytes") + ": " + fileLength
                    + " bytes instead of " + expected + " (copy it again)");
        }
        return header;
    }

    /** Reads the shard table and checks it against the header's CRC and sizes. */
    static FuseShard[] readShards(ByteBuffer file, Header header, String name) {
        int count = 1 << header.shardBits();
        CRC32C crc = new CRC32C();
        crc.update(file.duplicate().position(0).limit(CHECKED_HEADER_BYTES));
        crc.update(file.duplicate().position(HEADER_BYTES).limit(Math.toIntExact(header.dataStart())));
        if ((int) crc.getValue() != header.tableCrc()) {
            throw problem(name, "has a damaged header (checksum mismatch)");
        }
        FuseShard[] shards = new FuseShard[count];
        long entries = 0;
        long dataBytes = 0;
        for (int i = 0; i < count; i++) {
            int at = HEADER_BYTES + i * SHARD_ENTRY_BYTES;
            shards[i] = new FuseShard(file.getLong(at), file.getInt(at + 8), file.getInt(at + 12), file.getInt(at + 16));
            entries += shards[i].keyCount();
            dataBytes += shards[i].packedBytes(header.fingerprintBits());
        }
        if (entries != header.entries() || dataBytes != header.dataBytes()) {
            throw problem(name, "has a damaged header (shard sizes do not add up)");
        }
        return shards;
    }

    /** Reads all fingerprint data and compares its CRC with the header's: finds damage that opening does not. */
    static boolean verifyData(Header header, ByteBuffer[] shardData) {
        CRC32C crc = new CRC32C();
        for (ByteBuffer data : shardData) {
            crc.update(data.duplicate().position(0));
        }
        return (int) crc.getValue() == header.dataCrc();
    }

    private static BreachFilterFileException problem(String name, String what) {
        return new BreachFilterFileException("The breached-password file " + name + " " + what);
    }
}
