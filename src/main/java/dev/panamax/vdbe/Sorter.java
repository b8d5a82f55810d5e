package dev.panamax.vdbe;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import dev.panamax.io.DbFile;
import dev.panamax.io.IoBackend;
import dev.panamax.storage.format.KeyInfo;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sorter behind SorterOpen/SorterInsert/SorterSort/SorterNext (SQLite's vdbesort.c): records are gathered in
 * one growing buffer; when the buffer passes {@link #spillBytes} it is sorted and written to a temporary file as a
 * run, and {@link #sort} merges the runs. Records compare field by field under the {@link KeyInfo}.
 *
 * <pre>
 *   buffer:  [rec 0][rec 1][rec 2] ...      offsets[k], lengths[k] locate record k
 *   run file: [u32 length][record] ...      one file per spilled run, sorted
 * </pre>
 *
 * <p>States: FILLING (inserts allowed) -> SORTED (reading in order) -> FILLING again after {@link #reset}.
 */
final class Sorter {
    /** Spill threshold in bytes; the system property {@code panamax.sorter.spillBytes} sets it. */
    static volatile long spillThresholdBytes = Long.getLong("panamax.sorter.spillBytes", 64L << 20);
    /** Runs written to temporary files since the process started (for tests and diagnostics). */
    static final java.util.concurrent.atomic.AtomicLong RUNS_WRITTEN = new java.util.concurrent.atomic.AtomicLong();

    private final KeyInfo keyInfo;
    private final RecordCompare compare;
    private final IoBackend io;
    private final long spillBytes;
    private byte[] buffer = new byte[4096];
    private int used;
    private int[] offsets = new int[64];
    private int[] lengths = new int[64];
    /** The first key field of each record when it is an INTEGER (most GROUP BY and many ORDER BY keys). */
    private long[] prefix = new long[64];
    private boolean[] prefixIsInt = new boolean[64];
    private final boolean firstDesc;
    /** The key is the first field alone: equal integer prefixes settle a comparison without decoding. */
    private final boolean singleKey;
    private int count;
    private int[] order;
    private int cursor;
    private final List<Run> runs = new ArrayList<>();
    private Run[] heap;
    private int heapSize;
    private boolean sorted;
    private byte[] current;
    private int currentLength;

    Sorter(KeyInfo keyInfo, IoBackend io) {
        this.keyInfo = keyInfo;
        this.compare = new RecordCompare(keyInfo);
        this.io = io;
        this.spillBytes = spillThresholdBytes;
        this.firstDesc = (keyInfo.sortFlags(0) & KeyInfo.SORT_DESC) != 0;
        this.singleKey = keyInfo.fieldCount() == 1;
    }

    boolean isEmpty() {
        return count == 0 && runs.isEmpty();
    }

    void insert(byte[] record, int length) {
        if (sorted) {
            throw new DbException(ResultCode.MISUSE, "sorter insert after sort");
        }
        if (used + length > buffer.length) {
            if ((long) used + length > spillBytes && count > 0) {
                spill();
            }
            if (used + length > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(used + length, (int) Math.min(Integer.MAX_VALUE - 16,
                        (long) buffer.length * 2)));
            }
        }
        if (count == offsets.length) {
            offsets = Arrays.copyOf(offsets, count * 2);
            lengths = Arrays.copyOf(lengths, count * 2);
            prefix = Arrays.copyOf(prefix, count * 2);
            prefixIsInt = Arrays.copyOf(prefixIsInt, count * 2);
        }
        System.arraycopy(record, 0, buffer, used, length);
        offsets[count] = used;
        lengths[count] = length;
        prefixIsInt[count] = firstInteger(record, length, count);
        used += length;
        count++;
    }

    /** Sorts what was inserted; false when there is nothing. Afterwards {@link #current} is the first record. */
    boolean sort() {
        sorted = true;
        if (runs.isEmpty()) {
            order = sortedOrder();
            cursor = 0;
            return loadCurrent();
        }
        if (count > 0) {
            spill();
        }
        heap = new Run[runs.size()];
        heapSize = 0;
        for (Run r : runs) {
            if (r.advance()) {
                heapPush(r);
            }
        }
        return mergeCurrent();
    }

    /** Moves to the next record; false past the last. */
    boolean next() {
        if (runs.isEmpty()) {
            cursor++;
            return loadCurrent();
        }
        Run top = heap[0];
        if (top.advance()) {
            siftDown(0);
        } else {
            heap[0] = heap[--heapSize];
            heap[heapSize] = null;
            if (heapSize > 0) {
                siftDown(0);
            }
        }
        return mergeCurrent();
    }

    byte[] current() {
        return current;
    }

    int currentLength() {
        return currentLength;
    }

    private boolean loadCurrent() {
        if (cursor >= count) {
            return false;
        }
        int k = order[cursor];
        int n = lengths[k];
        if (current == null || current.length < n) {
            current = new byte[Math.max(n, 64)];
        }
        System.arraycopy(buffer, offsets[k], current, 0, n);
        currentLength = n;
        return true;
    }

    private boolean mergeCurrent() {
        if (heapSize == 0) {
            return false;
        }
        Run r = heap[0];
        if (current == null || current.length < r.length) {
            current = new byte[Math.max(r.length, 64)];
        }
        System.arraycopy(r.record, 0, current, 0, r.length);
        currentLength = r.length;
        return true;
    }

    /** Empties the sorter for reuse (ResetSorter). */
    void reset() {
        close();
        used = 0;
        count = 0;
        sorted = false;
        order = null;
    }

    void close() {
        for (Run r : runs) {
            r.close();
        }
        runs.clear();
        heap = null;
        heapSize = 0;
    }

    private int[] sortedOrder() {
        int[] idx = new int[count];
        for (int k = 0; k < count; k++) {
            idx[k] = k;
        }
        int[] tmp = new int[count];
        mergeSort(idx, tmp, 0, count);
        return idx;
    }

    private void mergeSort(int[] a, int[] tmp, int lo, int hi) {
        if (hi - lo < 12) {
            for (int i = lo + 1; i < hi; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= lo && cmp(a[j], v) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(a, tmp, lo, mid);
        mergeSort(a, tmp, mid, hi);
        if (cmp(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, lo, tmp, lo, hi - lo);
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
            if (j >= hi || (i < mid && cmp(tmp[i], tmp[j]) <= 0)) {
                a[k] = tmp[i++];
            } else {
                a[k] = tmp[j++];
            }
        }
    }

    private int cmp(int x, int y) {
        if (prefixIsInt[x] && prefixIsInt[y]) {
            int c = Long.compare(prefix[x], prefix[y]);
            if (c != 0 || singleKey) {
                return firstDesc ? -c : c;
            }
        }
        return compare.compare(buffer, offsets[x], lengths[x], buffer, offsets[y], lengths[y]);
    }

    /** Stores the record's first field in {@link #prefix} when it is an INTEGER; returns whether it is. */
    private boolean firstInteger(byte[] rec, int length, int k) {
        if (length < 2 || rec[0] < 2 || rec[1] < 0) {
            return false;
        }
        int t = rec[1];
        int off = rec[0];
        long v;
        switch (t) {
            case 1 -> v = rec[off];
            case 2 -> v = (rec[off] << 8) | (rec[off + 1] & 0xff);
            case 3 -> v = (rec[off] << 16) | ((rec[off + 1] & 0xff) << 8) | (rec[off + 2] & 0xff);
            case 4 -> v = (rec[off] << 24) | ((rec[off + 1] & 0xff) << 16) | ((rec[off + 2] & 0xff) << 8)
                    | (rec[off + 3] & 0xff);
            case 5, 6 -> {
                int n = t == 5 ? 6 : 8;
                long x = rec[off];
                for (int j = 1; j < n; j++) {
                    x = (x << 8) | (rec[off + j] & 0xff);
                }
                v = x;
            }
            case 8 -> v = 0;
            case 9 -> v = 1;
            default -> {
                return false;
            }
        }
        prefix[k] = v;
        return true;
    }

    /** Sorts the buffer and writes it to a new run file. */
    private void spill() {
        int[] idx = sortedOrder();
        Run run = Run.create(io);
        for (int k : idx) {
            run.append(buffer, offsets[k], lengths[k]);
        }
        run.finishWriting();
        runs.add(run);
        RUNS_WRITTEN.incrementAndGet();
        used = 0;
        count = 0;
    }

    private void heapPush(Run r) {
        int i = heapSize++;
        heap[i] = r;
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (compareRuns(heap[i], heap[parent]) >= 0) {
                break;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int m = i;
            if (l < heapSize && compareRuns(heap[l], heap[m]) < 0) {
                m = l;
            }
            if (r < heapSize && compareRuns(heap[r], heap[m]) < 0) {
                m = r;
            }
            if (m == i) {
                return;
            }
            swap(i, m);
            i = m;
        }
    }

    private int compareRuns(Run a, Run b) {
        int c = compare.compare(a.record, 0, a.length, b.record, 0, b.length);
        return c != 0 ? c : Integer.compare(a.id, b.id);
    }

    private void swap(int i, int j) {
        Run t = heap[i];
        heap[i] = heap[j];
        heap[j] = t;
    }

    /** One sorted run in a temporary file, read back through a buffer. */
    private static final class Run {
        private static int nextId;
        final int id = nextId++;
        private final DbFile file;
        private final String path;
        private final IoBackend io;
        private byte[] out = new byte[1 << 16];
        private int outUsed;
        private long fileSize;
        private long readPos;
        private final byte[] in = new byte[1 << 16];
        private int inPos;
        private int inLen;
        byte[] record = new byte[64];
        int length;

        private Run(IoBackend io, String path, DbFile file) {
            this.io = io;
            this.path = path;
            this.file = file;
        }

        static Run create(IoBackend io) {
            try {
                Path p = Files.createTempFile("panamax-sort", ".tmp");
                String path = p.toString();
                return new Run(io, path, io.open(path, false, true));
            } catch (IOException e) {
                throw new DbException(ResultCode.IOERR_WRITE, "disk I/O error", e);
            }
        }

        void append(byte[] src, int off, int n) {
            if (outUsed + 4 + n > out.length) {
                flush();
                if (4 + n > out.length) {
                    out = new byte[4 + n];
                }
            }
            out[outUsed] = (byte) (n >>> 24);
            out[outUsed + 1] = (byte) (n >>> 16);
            out[outUsed + 2] = (byte) (n >>> 8);
            out[outUsed + 3] = (byte) n;
            System.arraycopy(src, off, out, outUsed + 4, n);
            outUsed += 4 + n;
        }

        private void flush() {
            try {
                file.write(fileSize, MemorySegment.ofArray(out).asSlice(0, outUsed));
            } catch (IOException e) {
                throw new DbException(ResultCode.IOERR_WRITE, "disk I/O error", e);
            }
            fileSize += outUsed;
            outUsed = 0;
        }

        void finishWriting() {
            flush();
            out = null;
        }

        /** Reads the next record into {@link #record}; false at the end of the run. */
        boolean advance() {
            if (!fill(4)) {
                return false;
            }
            int n = ((in[inPos] & 0xff) << 24) | ((in[inPos + 1] & 0xff) << 16) | ((in[inPos + 2] & 0xff) << 8)
                    | (in[inPos + 3] & 0xff);
            inPos += 4;
            if (record.length < n) {
                record = new byte[Math.max(n, record.length * 2)];
            }
            int copied = 0;
            while (copied < n) {
                if (!fill(1)) {
                    throw new DbException(ResultCode.IOERR_SHORT_READ, "disk I/O error");
                }
                int k = Math.min(n - copied, inLen - inPos);
                System.arraycopy(in, inPos, record, copied, k);
                inPos += k;
                copied += k;
            }
            length = n;
            return true;
        }

        private boolean fill(int need) {
            if (inLen - inPos >= need) {
                return true;
            }
            int left = inLen - inPos;
            System.arraycopy(in, inPos, in, 0, left);
            inPos = 0;
            inLen = left;
            try {
                while (inLen < need && readPos < fileSize) {
                    int want = (int) Math.min(in.length - inLen, fileSize - readPos);
                    int got = file.read(readPos, MemorySegment.ofArray(in).asSlice(inLen, want));
                    if (got <= 0) {
                        break;
                    }
                    readPos += got;
                    inLen += got;
                }
            } catch (IOException e) {
                throw new DbException(ResultCode.IOERR_READ, "disk I/O error", e);
            }
            return inLen >= need;
        }

        void close() {
            try {
                file.close();
                io.delete(path);
            } catch (IOException e) {
                throw new DbException(ResultCode.IOERR_DELETE, "disk I/O error", e);
            }
        }
    }
}
