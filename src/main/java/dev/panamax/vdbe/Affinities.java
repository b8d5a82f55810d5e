package dev.panamax.vdbe;

import dev.panamax.value.Affinity;

/** Affinity letters of operands (P4 strings, P5 bits) to {@link Affinity} values, by table lookup: no allocation. */
final class Affinities {
    private static final Affinity[] BY_CODE = new Affinity[128];

    static {
        for (Affinity a : Affinity.values()) {
            BY_CODE[a.code()] = a;
        }
    }

    private Affinities() {
    }

    /** The affinity with this letter, or null (no affinity, such as '@'). */
    static Affinity of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
