package dev.panamax.vdbe;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;
import dev.panamax.value.Affinity;
import dev.panamax.value.Mem;

/** Register opcodes: constants, moves and copies, conversions, and MakeRecord (vdbe.c). */
final class RegisterOps {
    private RegisterOps() {
    }

    /** Int64, Real, String8, Blob: P4 into register P2. */
    static void constant(Vm vm, int pc) {
        Mem out = vm.r[vm.p2[pc]];
        switch (vm.p4[pc]) {
            case Long v -> out.setLong(v);
            case Double v -> out.setDouble(v);
            case P4.Text t -> out.setSharedBytes(Mem.TEXT, t.utf8(), t.utf8().length);
            case byte[] b -> out.setSharedBytes(Mem.BLOB, b, b.length);
            default -> throw new AssertionError(vm.p4[pc]);
        }
    }

    /** Sets {@code out} to a P4 constant (Long, Double, Text, byte[]). */
    static void constantInto(Object p4, Mem out) {
        switch (p4) {
            case Long v -> out.setLong(v);
            case Double v -> out.setDouble(v);
            case P4.Text t -> out.setSharedBytes(Mem.TEXT, t.utf8(), t.utf8().length);
            case byte[] b -> out.setSharedBytes(Mem.BLOB, b, b.length);
            default -> out.setNull();
        }
    }

    /** Null/BeginSubrtn: registers P2..P3 (P3 = 0: only P2) become NULL; accumulators there are dropped. */
    static void nullRange(Vm vm, int pc) {
        int from = vm.p2[pc];
        int to = Math.max(from, vm.p3[pc]);
        for (int k = from; k <= to; k++) {
            vm.r[k].setNull();
        }
        if (vm.accumulators != null) {
            for (int k = from; k <= to; k++) {
                vm.accumulators[k] = null;
            }
        }
    }

    /** Move P1..P1+P3 to P2..P2+P3; the sources become NULL. */
    static void move(Vm vm, int pc) {
        int n = vm.p3[pc];
        int from = vm.p1[pc];
        int to = vm.p2[pc];
        for (int k = 0; k < n; k++) {
            Mem src = vm.r[from + k];
            vm.r[to + k].copyFrom(src);
            src.setNull();
        }
    }

    /** Copy P1..P1+P3 to P2..P2+P3. */
    static void copy(Vm vm, int pc) {
        int n = vm.p3[pc];
        int from = vm.p1[pc];
        int to = vm.p2[pc];
        for (int k = 0; k <= n; k++) {
            vm.r[to + k].copyFrom(vm.r[from + k]);
        }
    }

    /** AddImm, Cast, RealAffinity, Affinity. */
    static void convert(Vm vm, int pc) {
        Mem m = vm.r[vm.p1[pc]];
        switch (vm.ops[pc]) {
            case AddImm -> m.setLong(m.intValue() + vm.p2[pc]);
            case Cast -> m.cast(Affinities.of((char) vm.p2[pc]));
            case RealAffinity -> m.realAffinity();
            default -> {
                applyAffinities(vm, vm.p1[pc], vm.p2[pc], (String) vm.p4[pc]);
                realAffinityWidth(vm, vm.p1[pc], vm.p2[pc], (String) vm.p4[pc]);
            }
        }
    }

    /**
     * TypeCheck P1 P2 P4: applies the affinities of STRICT table P4 to P1..P1+P2-1, then fails with
     * CONSTRAINT_DATATYPE when a value (not NULL) is not of its column's type: INT/INTEGER take integers, REAL takes
     * integers and reals, TEXT text, BLOB blobs, ANY anything.
     */
    static void typeCheck(Vm vm, int pc) {
        P4.StrictColumns cols = (P4.StrictColumns) vm.p4[pc];
        int start = vm.p1[pc];
        applyAffinities(vm, start, vm.p2[pc], cols.affinities());
        realAffinityWidth(vm, start, vm.p2[pc], cols.affinities());
        for (int k = 0; k < vm.p2[pc]; k++) {
            Mem m = vm.r[start + k];
            String type = cols.types()[k];
            if (type == null || m.isNull()) {
                continue;
            }
            boolean ok = switch (type) {
                case "INT", "INTEGER" -> m.type() == Mem.INTEGER;
                case "REAL" -> m.type() == Mem.INTEGER || m.type() == Mem.REAL;
                case "TEXT" -> m.type() == Mem.TEXT;
                case "BLOB" -> m.type() == Mem.BLOB;
                default -> true;
            };
            if (!ok) {
                String actual = switch (m.type()) {
                    case Mem.INTEGER -> "INT";
                    case Mem.REAL -> "REAL";
                    case Mem.TEXT -> "TEXT";
                    default -> "BLOB";
                };
                throw new DbException(ResultCode.CONSTRAINT_DATATYPE, "cannot store " + actual + " value in " + type
                        + " column " + cols.table() + "." + cols.names()[k]);
            }
        }
    }

    static void applyAffinities(Vm vm, int start, int n, String affinities) {
        if (affinities == null) {
            return;
        }
        for (int k = 0; k < n && k < affinities.length(); k++) {
            Affinity a = Affinities.of(affinities.charAt(k));
            if (a != null) {
                vm.r[start + k].applyAffinity(a);
            }
        }
    }

    /**
     * The REAL rule of OP_Affinity, OP_TypeCheck and OP_MakeRecord: an INTEGER under REAL affinity is kept as an
     * integer (read back as REAL) only while it fits in 6 bytes (-2^47..2^47-1); a wider one becomes the REAL it
     * converts to, so index keys compare as SQLite's do, and a uniqueness probe built from the registers (not from
     * the record) sees the key the record will hold.
     */
    private static void realAffinityWidth(Vm vm, int start, int n, String affinities) {
        if (affinities == null) {
            return;
        }
        for (int k = 0; k < n && k < affinities.length(); k++) {
            Mem m = vm.r[start + k];
            if (Affinity.fromCode(affinities.charAt(k)) == Affinity.REAL && m.type() == Mem.INTEGER
                    && (m.longValue() > 140737488355327L || m.longValue() < -140737488355328L)) {
                m.setDouble(m.longValue());
            }
        }
    }

    /** MakeRecord P1 P2 P3 P4: applies affinity P4 to P1..P1+P2, then packs them into register P3 as a BLOB. */
    static void makeRecord(Vm vm, int pc) {
        int start = vm.p1[pc];
        int n = vm.p2[pc];
        String affinities = (String) vm.p4[pc];
        applyAffinities(vm, start, n, affinities);
        realAffinityWidth(vm, start, n, affinities);
        byte[] rec = vm.encoder.encode(vm.r, start, n);
        int len = vm.encoder.length();
        if (len > 1_000_000_000) {
            throw new DbException(ResultCode.TOOBIG, "string or blob too big");
        }
        vm.r[vm.p3[pc]].setBlob(rec, 0, len);
    }
}
