package dev.panamax.vdbe;

import dev.panamax.func.FunctionDef;
import dev.panamax.storage.format.KeyInfo;
import dev.panamax.value.Collation;
import dev.panamax.value.Mem;
import dev.panamax.value.Printf;

/** How EXPLAIN shows operand P4, following SQLite's displayP4 (vdbeaux.c). */
public final class ExplainText {
    private ExplainText() {
    }

    public static String p4(Object p4) {
        return switch (p4) {
            case null -> "";
            case KeyInfo k -> keyInfo(k);
            case Collation c -> c.name() + "-8";
            case FunctionDef f -> f.name() + "(" + f.nArg() + ")";
            case Double d -> {
                Mem m = new Mem();
                m.setDouble(d);
                yield Printf.format("%.16g", m);
            }
            case byte[] b -> java.util.HexFormat.of().formatHex(b);
            case Program prog -> "program";
            default -> p4.toString();
        };
    }

    private static String keyInfo(KeyInfo k) {
        StringBuilder sb = new StringBuilder("k(").append(k.keyFieldCount());
        for (int i = 0; i < k.keyFieldCount(); i++) {
            Collation c = k.collation(i);
            String name = c.name().equals("BINARY") ? "" : c.name();
            byte f = k.sortFlags(i);
            sb.append(',').append((f & KeyInfo.SORT_DESC) != 0 ? "-" : "")
                    .append((f & KeyInfo.SORT_BIGNULL) != 0 ? "N." : "").append(name);
        }
        return sb.append(')').toString();
    }
}
