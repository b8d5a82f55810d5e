package dev.panamax.sql.codegen;

import dev.panamax.api.DbException;
import dev.panamax.sql.parser.Parser;
import dev.panamax.value.Mem;
import dev.panamax.vdbe.Session;
import dev.panamax.vdbe.TableFunction;
import dev.panamax.vdbe.Vm;
import java.util.ArrayList;
import java.util.List;

/**
 * A pragma as a {@link TableFunction}, in its two forms: the {@code pragma_NAME} table (pragma.c's eponymous
 * virtual table, whose hidden {@code arg} and {@code schema} columns take the pragma's argument and schema name),
 * and the body of a PRAGMA statement (argument and schema fixed when the statement was prepared). Either way the
 * pragma runs when the scan opens and its rows are then read one by one.
 */
final class PragmaFunction implements TableFunction {
    private final Pragmas.Def def;
    private final boolean table;
    private final String schemaName;
    private final String value;
    private final List<String> arguments;

    private PragmaFunction(Pragmas.Def def, boolean table, String schemaName, String value) {
        this.def = def;
        this.table = table;
        this.schemaName = schemaName;
        this.value = value;
        List<String> args = new ArrayList<>();
        if (table && def.has(Pragmas.RESULT1)) {
            args.add("arg");
        }
        if (table && def.has(Pragmas.SCHEMA_OPT | Pragmas.SCHEMA_REQ)) {
            args.add("schema");
        }
        this.arguments = List.copyOf(args);
    }

    /** The {@code pragma_NAME} table of a pragma that returns rows. */
    static PragmaFunction table(Pragmas.Def def) {
        return new PragmaFunction(def, true, null, null);
    }

    /** The body of {@code PRAGMA [schema.]name [= value]}. */
    static PragmaFunction statement(Pragmas.Def def, String schemaName, String value) {
        return new PragmaFunction(def, false, schemaName, value);
    }

    @Override
    public String name() {
        return table ? "pragma_" + def.name() : def.name();
    }

    @Override
    public List<String> columns() {
        return def.resultColumns();
    }

    @Override
    public List<String> arguments() {
        return arguments;
    }

    /**
     * Runs the pragma. The table form runs it the way pragma.c's virtual table does, as the statement
     * {@code PRAGMA "schema".name='arg'} on the same connection, and reads that statement's rows.
     */
    @Override
    public Scan open(Session session, Mem[] args) {
        String[] hidden = new String[args.length];
        for (int k = 0; k < args.length; k++) {
            hidden[k] = args[k].isNull() ? null : args[k].stringValue();
        }
        if (!table) {
            PragmaRun run = new PragmaRun(session, def, schemaName, value, false);
            PragmaExec.run(run);
            return new ListScan(run.rows, def.resultColumns().size(), hidden, null);
        }
        int k = 0;
        String arg = def.has(Pragmas.RESULT1) ? hidden[k++] : null;
        String schema = k < hidden.length ? hidden[k] : null;
        if (schema != null && !schema.equalsIgnoreCase("main") && !schema.equalsIgnoreCase("temp")) {
            throw PragmaRun.error("unknown database '" + schema + "'");
        }
        StringBuilder sql = new StringBuilder("PRAGMA ");
        if (schema != null) {
            sql.append(SchemaPragmas.quoteIdentifier(schema)).append('.');
        }
        sql.append(def.name());
        if (arg != null) {
            sql.append("='").append(arg.replace("'", "''")).append('\'');
        }
        Compiled c = Compiler.compile(session, Parser.parse(sql.toString()), sql.toString());
        List<Object[]> rows = new ArrayList<>();
        DbException failure = runNested(session, c, rows);
        return new ListScan(rows, def.resultColumns().size(), hidden, failure);
    }

    /**
     * Runs a statement on the connection inside the running one, collecting its rows; an error after some rows is
     * returned, to be raised once those rows have been read (as stepping the PRAGMA row by row would).
     */
    private static DbException runNested(Session session, Compiled c, List<Object[]> rows) {
        Vm vm = new Vm(c.program(), session);
        try {
            while (vm.step()) {
                Object[] row = new Object[vm.columnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = value(vm.column(i));
                }
                rows.add(row);
            }
            return null;
        } catch (DbException e) {
            if (rows.isEmpty()) {
                throw e;
            }
            return e;
        }
    }

    private static Object value(Mem m) {
        return switch (m.type()) {
            case Mem.INTEGER -> m.longValue();
            case Mem.REAL -> m.doubleValue();
            case Mem.TEXT -> m.textValue();
            case Mem.BLOB -> m.copyBytes();
            default -> null;
        };
    }

    @Override
    public String toString() {
        return "vtab:" + name();
    }

    /**
     * A scan over rows already computed; columns past {@code width} are the argument columns, as text. A failure
     * that ended the computation is raised after the last row.
     */
    private static final class ListScan implements Scan {
        private final List<Object[]> rows;
        private final int width;
        private final String[] hidden;
        private final DbException failure;
        private int row = -1;

        ListScan(List<Object[]> rows, int width, String[] hidden, DbException failure) {
            this.rows = rows;
            this.width = width;
            this.hidden = hidden;
            this.failure = failure;
        }

        @Override
        public boolean next() {
            row++;
            if (row == rows.size() && failure != null) {
                throw failure;
            }
            return row < rows.size();
        }

        @Override
        public void column(int i, Mem out) {
            Object v = i < width ? rows.get(row)[i] : hidden[i - width];
            set(out, v);
        }

        @Override
        public long rowid() {
            return row + 1;
        }
    }

    static void set(Mem out, Object v) {
        switch (v) {
            case null -> out.setNull();
            case Long l -> out.setLong(l);
            case Integer i -> out.setLong(i);
            case Double d -> out.setDouble(d);
            case String s -> out.setText(s);
            case byte[] b -> out.setBlob(b, 0, b.length);
            default -> out.setText(v.toString());
        }
    }
}
