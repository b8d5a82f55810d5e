package dev.panamax.storage.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.panamax.value.Collation;
import dev.panamax.value.Collations;
import dev.panamax.value.Mem;
import java.lang.foreign.MemorySegment;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Varints, serial types, record encode/decode, and record comparison checked against SQLite itself. */
class RecordFormatTest {

    @Test
    void varintsRoundTripAtEveryLengthBoundary() {
        MemorySegment seg = MemorySegment.ofArray(new byte[16]);
        byte[] arr = new byte[16];
        List<Long> values = new ArrayList<>(List.of(0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE));
        for (int bits = 1; bits < 64; bits++) {
            values.add((1L << bits) - 1);
            values.add(1L << bits);
        }
        for (long v : values) {
            int n = Varint.put(seg, 0, v);
            assertEquals(Varint.size(v), n, "size of " + v);
            assertEquals(n, Varint.length(seg, 0));
            assertEquals(v, Varint.get(seg, 0));
            assertEquals(n, Varint.put(arr, 0, v));
            assertEquals(v, Varint.get(arr, 0));
            long packed = Varint.get32(seg, 0);
            assertEquals(n, Varint.length32(packed));
            if (v >= 0 && v <= 0xffffffffL) {
                assertEquals((int) v, Varint.value32(packed));
            }
        }
    }

    /** Values covering every serial type SQLite writes. */
    private static Mem[] sampleRow() {
        Object[] vals = {null, 0L, 1L, 127L, 128L, -129L, 32767L, 32768L, 8388607L, -8388609L, 2147483647L,
            2147483648L, 140737488355327L, -140737488355329L, Long.MAX_VALUE, Long.MIN_VALUE, 1.5, -0.25, "",
            "text \u00e9\u4e2d\ud83d\ude00", new byte[0], new byte[] {0, (byte) 0xff, 7}};
        Mem[] m = new Mem[vals.length];
        for (int i = 0; i < vals.length; i++) {
            m[i] = new Mem();
            Object v = vals[i];
            if (v instanceof Long l) {
                m[i].setLong(l);
            } else if (v instanceof Double d) {
                m[i].setDouble(d);
            } else if (v instanceof String s) {
                m[i].setText(s);
            } else if (v instanceof byte[] b) {
                m[i].setBlob(b, 0, b.length);
            }
        }
        return m;
    }

    @Test
    void recordsRoundTripInEveryEncoding() {
        Mem[] row = sampleRow();
        for (TextEncoding enc : TextEncoding.values()) {
            RecordEncoder e = new RecordEncoder(enc, true);
            byte[] rec = e.toByteArray();
            e.encode(row, 0, row.length);
            rec = e.toByteArray();
            RecordDecoder d = new RecordDecoder(enc);
            d.reset(MemorySegment.ofArray(rec), 0, rec.length, 0);
            assertEquals(row.length, d.fieldCount());
            Mem out = new Mem();
            for (int i = 0; i < row.length; i++) {
                d.column(i, out);
                assertEquals(row[i].toString(), out.toString(), enc + " field " + i);
            }
        }
    }

    /**
     * The header is parsed only as far as the fields read, in any order, as OP_Column does: the first fields of a
     * record whose tail is damaged still read, and the damage is CORRUPT once a read reaches it.
     */
    @Test
    void headerParsedLazilyUpToTheFieldRead() {
        Mem[] row = sampleRow();
        RecordEncoder e = new RecordEncoder(TextEncoding.UTF8, true);
        e.encode(row, 0, row.length);
        byte[] rec = e.toByteArray();
        RecordDecoder d = new RecordDecoder(TextEncoding.UTF8);
        Mem out = new Mem();
        int[] order = {3, 0, row.length - 1, 1, row.length + 2};
        d.reset(MemorySegment.ofArray(rec), 0, rec.length, 7);
        for (int i : order) {
            d.column(i, out);
            assertEquals(i < row.length ? row[i].toString() : "NULL", out.toString(), "field " + i);
        }
        assertEquals(row.length, d.fieldCount());
        byte[] cut = java.util.Arrays.copyOf(rec, rec.length - 1);
        d.reset(MemorySegment.ofArray(cut), 0, cut.length, 7);
        d.column(0, out);
        assertEquals(row[0].toString(), out.toString());
        dev.panamax.api.DbException ex = org.junit.jupiter.api.Assertions.assertThrows(
                dev.panamax.api.DbException.class, d::fieldCount);
        assertEquals(dev.panamax.api.ResultCode.CORRUPT, ex.primaryCode());
    }

    @Test
    void recordBytesEqualWhatSqliteWrites() throws Exception {
        Mem[] row = sampleRow();
        StringBuilder cols = new StringBuilder();
        StringBuilder qs = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
            cols.append(i == 0 ? "" : ",").append("c").append(i);
            qs.append(i == 0 ? "" : ",").append("?");
        }
        for (String encName : new String[] {"UTF-8", "UTF-16le", "UTF-16be"}) {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("rec", ".db");
            try {
                java.nio.file.Files.delete(file);
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                     Statement st = c.createStatement()) {
                    st.execute("PRAGMA encoding='" + encName + "'");
                    st.execute("CREATE TABLE r(" + cols + ")");
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO r VALUES(" + qs + ")")) {
                        for (int i = 0; i < row.length; i++) {
                            bind(ps, i + 1, row[i]);
                        }
                        ps.executeUpdate();
                    }
                }
                byte[] stored = firstPayload(file.toString());
                TextEncoding enc = switch (encName) {
                    case "UTF-16le" -> TextEncoding.UTF16LE;
                    case "UTF-16be" -> TextEncoding.UTF16BE;
                    default -> TextEncoding.UTF8;
                };
                RecordEncoder e = new RecordEncoder(enc, true);
                e.encode(row, 0, row.length);
                assertArrayEquals(stored, e.toByteArray(), encName);
            } finally {
                java.nio.file.Files.deleteIfExists(file);
            }
        }
    }

    private static void bind(PreparedStatement ps, int i, Mem m) throws Exception {
        switch (m.type()) {
            case Mem.NULL -> ps.setNull(i, java.sql.Types.NULL);
            case Mem.INTEGER -> ps.setLong(i, m.longValue());
            case Mem.REAL -> ps.setDouble(i, m.doubleValue());
            case Mem.TEXT -> ps.setString(i, m.textValue());
            default -> ps.setBytes(i, m.copyBytes());
        }
    }

    /** The payload of the only row of the table on page 2, read straight from the file. */
    private static byte[] firstPayload(String path) throws Exception {
        byte[] f = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(path));
        int ps = ((f[16] & 0xff) << 8) | (f[17] & 0xff);
        MemorySegment page = MemorySegment.ofArray(f).asSlice(ps, ps);
        assertEquals(13, Bytes.get1(page, 0));
        int cell = Bytes.get2(page, 8);
        long n = Varint.get(page, cell);
        int p = cell + Varint.length(page, cell);
        p += Varint.length(page, p);
        return page.asSlice(p, n).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
    }

    @Test
    void comparisonOrdersLikeSqliteOrderBy() throws Exception {
        SplittableRandom r = new SplittableRandom(42);
        List<Mem> values = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Mem m = new Mem();
            switch (r.nextInt(6)) {
                case 0 -> m.setNull();
                case 1 -> m.setLong(r.nextInt(3) == 0 ? r.nextLong() : r.nextInt(-50, 50));
                case 2 -> m.setDouble(r.nextInt(3) == 0 ? r.nextLong() * 1.0 : r.nextInt(-50, 50) / 4.0);
                case 3 -> m.setText(randomText(r));
                case 4 -> {
                    byte[] b = new byte[r.nextInt(4)];
                    r.nextBytes(b);
                    m.setBlob(b, 0, b.length);
                }
                default -> m.setLong(r.nextInt(-3, 3));
            }
            values.add(m);
        }
        for (String coll : new String[] {"BINARY", "NOCASE", "RTRIM"}) {
            for (boolean desc : new boolean[] {false, true}) {
                List<Mem> sqliteOrder = sqliteOrder(values, coll, desc);
                Collation c = Collations.builtin(coll);
                KeyInfo ki = new KeyInfo(new Collation[] {c}, new byte[] {desc ? KeyInfo.SORT_DESC : 0}, 1,
                        TextEncoding.UTF8);
                RecordEncoder enc = new RecordEncoder(TextEncoding.UTF8, true);
                RecordComparator cmp = new RecordComparator();
                UnpackedRecord key = UnpackedRecord.allocate(ki, 1);
                for (int i = 0; i + 1 < sqliteOrder.size(); i++) {
                    enc.encode(new Mem[] {sqliteOrder.get(i)}, 0, 1);
                    byte[] rec = enc.toByteArray();
                    key.fields[0].copyFrom(sqliteOrder.get(i + 1));
                    key.defaultRc = 0;
                    int res = cmp.compare(MemorySegment.ofArray(rec), 0, rec.length, key, 0);
                    assertTrue(res <= 0, coll + (desc ? " DESC" : "") + ": " + sqliteOrder.get(i) + " then "
                            + sqliteOrder.get(i + 1) + " compared " + res);
                }
            }
        }
    }

    private static String randomText(SplittableRandom r) {
        String[] parts = {"a", "A", "b", "B", " ", "\u00e9", "z", "Z", "\u4e2d"};
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            sb.append(parts[r.nextInt(parts.length)]);
        }
        return sb.toString();
    }

    private static List<Mem> sqliteOrder(List<Mem> values, String coll, boolean desc) throws Exception {
        List<Mem> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE v(x)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO v VALUES(?)")) {
                for (Mem m : values) {
                    bind(ps, 1, m);
                    ps.executeUpdate();
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT x FROM v ORDER BY x COLLATE " + coll + (desc ? " DESC" : ""))) {
                while (rs.next()) {
                    Object o = rs.getObject(1);
                    Mem m = new Mem();
                    if (o instanceof Integer || o instanceof Long) {
                        m.setLong(((Number) o).longValue());
                    } else if (o instanceof Double d) {
                        m.setDouble(d);
                    } else if (o instanceof String s) {
                        m.setText(s);
                    } else if (o instanceof byte[] b) {
                        m.setBlob(b, 0, b.length);
                    }
                    out.add(m);
                }
            }
        }
        return out;
    }
}
