package dev.panamax.sql.codegen;

import dev.panamax.schema.Column;
import dev.panamax.schema.Index;
import dev.panamax.schema.Table;
import dev.panamax.sql.ast.Stmt;
import dev.panamax.storage.format.DbHeader;
import dev.panamax.vdbe.Opcode;
import dev.panamax.vdbe.ResultShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The PRAGMAs the engine answers itself (SQLite's pragma.c): schema introspection (table_info, index_list,
 * index_info), cookies (schema_version, user_version), and settings that are accepted without effect. An unknown
 * PRAGMA does nothing, as in SQLite.
 */
final class PragmaCode {
    private PragmaCode() {
    }

    static ResultShape code(Parse p, Stmt.Pragma pr) {
        String name = pr.name().name().text().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "table_info" -> tableInfo(p, pr.value());
            case "index_list" -> indexList(p, pr.value());
            case "index_info" -> indexInfo(p, pr.value());
            case "schema_version" -> cookie(p, name, DbHeader.META_SCHEMA_VERSION, pr.value());
            case "user_version" -> cookie(p, name, DbHeader.META_USER_VERSION, pr.value());
            case "application_id" -> cookie(p, name, DbHeader.META_APPLICATION_ID, pr.value());
            case "integrity_check", "quick_check" -> integrityCheck(p, name, pr.value());
            case "case_sensitive_like" -> {
                if (pr.value() != null) {
                    p.session.functions().setCaseSensitiveLike(isTrue(pr.value()));
                }
                yield ResultShape.NONE;
            }
            default -> ResultShape.NONE;
        };
    }

    private static boolean isTrue(String v) {
        String s = v.toLowerCase(Locale.ROOT);
        return s.equals("1") || s.equals("on") || s.equals("true") || s.equals("yes");
    }

    private static ResultShape shape(String... names) {
        List<ResultShape.Column> cols = new ArrayList<>();
        for (String n : names) {
            cols.add(new ResultShape.Column(n, null, null, null, null));
        }
        return new ResultShape(cols, 0);
    }

    private static void row(Parse p, Object... values) {
        int base = p.allocRegs(values.length);
        for (int k = 0; k < values.length; k++) {
            p.expr.literal(values[k] instanceof Integer i ? (Object) i.longValue() : values[k], base + k);
        }
        p.op(Opcode.ResultRow, base, values.length);
    }

    private static ResultShape tableInfo(Parse p, String table) {
        ResultShape shape = shape("cid", "name", "type", "notnull", "dflt_value", "pk");
        Table t = table == null ? null : p.schema.table(table);
        if (t == null) {
            return shape;
        }
        for (int k = 0; k < t.columnCount(); k++) {
            Column c = t.column(k);
            int pk = 0;
            for (int j = 0; j < t.pkColumns().length; j++) {
                if (t.pkColumns()[j] == k) {
                    pk = j + 1;
                }
            }
            String dflt = c.defaultValue() == null ? null : p.sqlOf(t, c);
            row(p, k, c.name(), c.declType() == null ? "" : c.declType(), c.notNull() ? 1 : 0, dflt, pk);
        }
        return shape;
    }

    private static ResultShape indexList(Parse p, String table) {
        ResultShape shape = shape("seq", "name", "unique", "origin", "partial");
        Table t = table == null ? null : p.schema.table(table);
        if (t == null) {
            return shape;
        }
        List<Index> list = new ArrayList<>(t.indexes());
        for (int k = list.size() - 1, seq = 0; k >= 0; k--, seq++) {
            Index i = list.get(k);
            row(p, seq, i.name(), i.unique() ? 1 : 0, String.valueOf(i.origin() == 'p' ? "pk" : i.origin()),
                    i.isPartial() ? 1 : 0);
        }
        return shape;
    }

    private static ResultShape indexInfo(Parse p, String index) {
        ResultShape shape = shape("seqno", "cid", "name");
        Index i = index == null ? null : p.schema.index(index);
        if (i == null) {
            return shape;
        }
        Table t = p.schema.table(i.table());
        for (int k = 0; k < i.keyCount(); k++) {
            int c = i.columns()[k];
            row(p, k, c, c >= 0 ? t.column(c).name() : null);
        }
        return shape;
    }

    /** PRAGMA integrity_check: the B-trees of every table and index, and index entry counts. */
    private static ResultShape integrityCheck(Parse p, String name, String arg) {
        int max = 100;
        if (arg != null && arg.chars().allMatch(Character::isDigit) && !arg.isEmpty()) {
            max = Integer.parseInt(arg);
        }
        List<Integer> roots = new ArrayList<>(List.of(1));
        List<dev.panamax.storage.format.KeyInfo> infos = new ArrayList<>();
        infos.add(null);
        List<String> names = new ArrayList<>(List.of("sqlite_schema"));
        List<Integer> tableOf = new ArrayList<>(List.of(-1));
        for (Table t : p.schema.tables()) {
            if (t.isView() || t.rootPage() <= 1) {
                continue;
            }
            int at = roots.size();
            roots.add(t.rootPage());
            infos.add(null);
            names.add(t.name());
            tableOf.add(-1);
            for (Index i : t.indexes()) {
                roots.add(i.rootPage());
                infos.add(WhereCode.indexKeyInfo(p, i));
                names.add(i.name());
                tableOf.add(i.isPartial() ? -1 : at);
            }
        }
        p.needsTransaction = true;
        int r = p.allocReg();
        p.op(Opcode.IntegrityCk, 0, r, max, new dev.panamax.vdbe.IntegrityCheck(
                roots.stream().mapToInt(Integer::intValue).toArray(),
                infos.toArray(new dev.panamax.storage.format.KeyInfo[0]), names.toArray(new String[0]),
                tableOf.stream().mapToInt(Integer::intValue).toArray()));
        p.op(Opcode.ResultRow, r, 1);
        return shape(name);
    }

    private static ResultShape cookie(Parse p, String name, int meta, String value) {
        p.needsTransaction = true;
        if (value != null) {
            p.writes = true;
            int v = (int) Long.parseLong(value.trim());
            p.op(Opcode.SetCookie, 0, meta, v);
            return ResultShape.NONE;
        }
        int r = p.allocReg();
        p.op(Opcode.ReadCookie, 0, r, meta);
        p.op(Opcode.ResultRow, r, 1);
        return shape(name);
    }
}
