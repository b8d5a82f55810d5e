package dev.panamax.vdbe;

import dev.panamax.storage.format.KeyInfo;
import dev.panamax.value.Mem;
import java.util.List;

/**
 * Operand P4 of IntegrityCk (PRAGMA integrity_check): the B-trees to check, table trees first with their indexes
 * after each ({@code tableOf[k]} is the position of index k's table, -1 for a table), and their names for the
 * messages.
 */
public record IntegrityCheck(int[] roots, KeyInfo[] keyInfos, String[] names, int[] tableOf) {

    /** Runs the check into {@code out}: "ok", or the problems one per line, at most {@code maxErrors}. */
    void run(Session s, int maxErrors, Mem out) {
        long[] counts = new long[roots.length];
        List<String> errors = new java.util.ArrayList<>(s.db.btree.integrityCheck(roots, keyInfos, maxErrors, counts));
        for (int k = 0; k < roots.length && errors.size() < maxErrors; k++) {
            if (tableOf[k] >= 0 && counts[k] != counts[tableOf[k]]) {
                errors.add("wrong # of entries in index " + names[k]);
            }
        }
        out.setText(errors.isEmpty() ? "ok" : String.join("\n", errors));
    }

    @Override
    public String toString() {
        return "integrity_check";
    }
}
