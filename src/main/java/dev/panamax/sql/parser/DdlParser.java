package dev.panamax.sql.parser;

import dev.panamax.sql.ast.ColumnConstraint;
import dev.panamax.sql.ast.ColumnDef;
import dev.panamax.sql.ast.ConflictAction;
import dev.panamax.sql.ast.Expr;
import dev.panamax.sql.ast.ForeignKeyClause;
import dev.panamax.sql.ast.Name;
import dev.panamax.sql.ast.OrderingTerm;
import dev.panamax.sql.ast.QualifiedName;
import dev.panamax.sql.ast.Select;
import dev.panamax.sql.ast.Stmt;
import dev.panamax.sql.ast.TableConstraint;
import dev.panamax.sql.ast.TypeName;
import java.util.ArrayList;
import java.util.List;

/**
 * CREATE TABLE with its column and table constraints (lang_createtable.html), and column definitions for ALTER
 * TABLE ADD COLUMN. The DEFAULT forms and their recorded text follow parse.y's {@code ccons} rules exactly.
 */
abstract class DdlParser extends DmlParser {
    DdlParser(String sql, Lexer lexer, boolean legacySchema) {
        super(sql, lexer, legacySchema);
    }

    /** parse.y's {@code ifnotexists}. */
    final boolean ifNotExists() {
        if (!at(Tk.IF)) {
            return false;
        }
        advance();
        expect(Tk.NOT);
        expect(Tk.EXISTS);
        return true;
    }

    final Stmt.CreateTable createTable(boolean temp, int s) {
        advance();
        boolean ifNotExists = ifNotExists();
        QualifiedName name = fullName();
        if (accept(Tk.AS)) {
            Select sel = select();
            return new Stmt.CreateTable(temp, ifNotExists, name, List.of(), List.of(), false, false, sel, s,
                    prevEnd());
        }
        expect(Tk.LP);
        tableName = name.name().text();
        primaryKeys = 0;
        generatedColumns.clear();
        List<ColumnDef> columns = new ArrayList<>();
        List<TableConstraint> constraints = new ArrayList<>();
        columns.add(tableColumn());
        while (accept(Tk.COMMA)) {
            if (startsTableConstraint()) {
                tableConstraints(constraints);
                break;
            }
            columns.add(tableColumn());
        }
        expect(Tk.RP);
        boolean withoutRowid = false;
        boolean strict = false;
        boolean first = true;
        while (at(Tk.COMMA) || (first && (at(Tk.WITHOUT) || Tk.isNm(t())))) {
            if (!first || at(Tk.COMMA)) {
                expect(Tk.COMMA);
            }
            first = false;
            boolean without = accept(Tk.WITHOUT);
            Name option = nm();
            String want = without ? "rowid" : "strict";
            if (option.text(sql).equalsIgnoreCase(want)) {
                withoutRowid |= without;
                strict |= !without;
            } else {
                deferError("unknown table option: " + option.text(sql));
            }
        }
        resetTableState();
        return new Stmt.CreateTable(temp, ifNotExists, name, columns, constraints, withoutRowid, strict, null, s,
                prevEnd());
    }

    private String tableName;
    private int primaryKeys;
    private final java.util.Set<String> generatedColumns = new java.util.HashSet<>();

    /** Forgets the CREATE TABLE being read (ALTER TABLE ADD COLUMN has no table state here). */
    final void resetTableState() {
        tableName = null;
        primaryKeys = 0;
        generatedColumns.clear();
    }

    private ColumnDef tableColumn() {
        ColumnDef c = columnDef();
        if (columnGenerated) {
            generatedColumns.add(c.name().text().toLowerCase(java.util.Locale.ROOT));
        }
        return c;
    }

    /** sqlite3AddPrimaryKey: a second PRIMARY KEY in one CREATE TABLE is refused while parsing; true then. */
    private boolean primaryKey() {
        if (tableName != null && ++primaryKeys > 1) {
            deferError("table \"" + tableName + "\" has more than one primary key");
            return true;
        }
        return false;
    }

    private boolean startsTableConstraint() {
        int tk = t();
        return tk == Tk.CONSTRAINT || tk == Tk.PRIMARY || tk == Tk.UNIQUE || tk == Tk.CHECK || tk == Tk.FOREIGN;
    }

    /** Name of the column whose constraints are being read, for parse.y's messages about it. */
    private String currentColumn;
    private boolean columnHasDefault;
    private boolean columnGenerated;
    private boolean columnPrimaryKey;

    /** parse.y's {@code columnname carglist}. */
    final ColumnDef columnDef() {
        Name name = nm();
        currentColumn = name.text();
        columnHasDefault = false;
        columnGenerated = false;
        columnPrimaryKey = false;
        TypeName type = columnType();
        List<ColumnConstraint> constraints = new ArrayList<>();
        Name pendingName = null;
        int pendingStart = 0;
        while (true) {
            if (at(Tk.CONSTRAINT)) {
                if (pendingName != null) {
                    constraints.add(new ColumnConstraint.NameOnly(pendingName, pendingStart, pendingName.end()));
                }
                pendingStart = here();
                advance();
                pendingName = nm();
                continue;
            }
            int s = pendingName != null ? pendingStart : here();
            ColumnConstraint c = columnConstraint(pendingName, s);
            if (c == null) {
                break;
            }
            constraints.add(c);
            pendingName = null;
        }
        if (pendingName != null) {
            constraints.add(new ColumnConstraint.NameOnly(pendingName, pendingStart, pendingName.end()));
        }
        return new ColumnDef(name, type, constraints, name.start(), prevEnd());
    }

    /**
     * The declared type. parse.y lets a type absorb any identifier, so {@code GENERATED ALWAYS} after a type is
     * read as part of it; sqlite3AddColumn then cuts a trailing "always" and "generated" off the text again (by
     * characters, not tokens), and so does this. Null when no type remains.
     */
    private TypeName columnType() {
        TypeName declared = typeToken();
        if (declared == null) {
            return null;
        }
        String text = declared.text();
        int n = text.length();
        if (n >= 16 && text.regionMatches(true, n - 6, "always", 0, 6)) {
            n -= 6;
            while (n > 0 && Lexer.isSpace(text.charAt(n - 1))) {
                n--;
            }
            if (n >= 9 && text.regionMatches(true, n - 9, "generated", 0, 9)) {
                n -= 9;
                while (n > 0 && Lexer.isSpace(text.charAt(n - 1))) {
                    n--;
                }
            }
            if (n == 0) {
                return null;
            }
            return new TypeName(text.substring(0, n), declared.start(), declared.start() + n);
        }
        return declared;
    }

    /** One {@code ccons} after its optional name; null when none starts here. */
    private ColumnConstraint columnConstraint(Name name, int s) {
        switch (t()) {
            case Tk.DEFAULT -> {
                return defaultConstraint(name, s);
            }
            case Tk.NULL -> {
                advance();
                return new ColumnConstraint.Null(name, onConflict(), s, prevEnd());
            }
            case Tk.NOT -> {
                advance();
                if (accept(Tk.NULL)) {
                    return new ColumnConstraint.NotNull(name, onConflict(), s, prevEnd());
                }
                expect(Tk.DEFERRABLE);
                return new ColumnConstraint.Deferrable(name, deferral(false), s, prevEnd());
            }
            case Tk.DEFERRABLE -> {
                advance();
                return new ColumnConstraint.Deferrable(name, deferral(true), s, prevEnd());
            }
            case Tk.PRIMARY -> {
                advance();
                expect(Tk.KEY);
                OrderingTerm.SortOrder order = null;
                if (at(Tk.ASC) || at(Tk.DESC)) {
                    order = at(Tk.ASC) ? OrderingTerm.SortOrder.ASC : OrderingTerm.SortOrder.DESC;
                    advance();
                }
                ConflictAction conflict = onConflict();
                boolean autoincrement = accept(Tk.AUTOINCREMENT);
                columnPrimaryKey = true;
                primaryKey();
                if (columnGenerated) {
                    deferError("generated columns cannot be part of the PRIMARY KEY");
                }
                return new ColumnConstraint.PrimaryKey(name, order, conflict, autoincrement, s, prevEnd());
            }
            case Tk.UNIQUE -> {
                advance();
                return new ColumnConstraint.Unique(name, onConflict(), s, prevEnd());
            }
            case Tk.CHECK -> {
                advance();
                expect(Tk.LP);
                Expr e = expr();
                expect(Tk.RP);
                return new ColumnConstraint.Check(name, e, s, prevEnd());
            }
            case Tk.REFERENCES -> {
                return new ColumnConstraint.References(name, foreignKeyClause(false), s, prevEnd());
            }
            case Tk.COLLATE -> {
                advance();
                return new ColumnConstraint.Collate(name, ids(), s, prevEnd());
            }
            case Tk.GENERATED, Tk.AS -> {
                return generated(name, s);
            }
            default -> {
                return null;
            }
        }
    }

    private ColumnConstraint generated(Name name, int s) {
        if (accept(Tk.GENERATED)) {
            expect(Tk.ALWAYS);
        }
        expect(Tk.AS);
        expect(Tk.LP);
        int before = parameterCount();
        Expr e = expr();
        noParameters("generated columns", before);
        expect(Tk.RP);
        Name storage = null;
        boolean bad = columnHasDefault;
        if (t() == Tk.ID || Tk.FALLBACK_ID[t()]) {
            storage = takeName();
            String raw = storage.text(sql);
            bad |= !raw.equalsIgnoreCase("stored") && !raw.equalsIgnoreCase("virtual");
        }
        if (bad) {
            deferError("error in generated column \"" + currentColumn + "\"");
        } else if (columnPrimaryKey) {
            deferError("generated columns cannot be part of the PRIMARY KEY");
        }
        columnGenerated = true;
        return new ColumnConstraint.Generated(name, e, storage, s, prevEnd());
    }

    /**
     * {@code DEFAULT term | (expr) | +term | -term | id}. The recorded text is the literal with its sign, the text
     * inside the parentheses, or the identifier, spaces trimmed (sqlite3AddDefaultValue).
     */
    private ColumnConstraint defaultConstraint(Name name, int s) {
        ColumnConstraint.Default d = defaultValue(name, s);
        if (columnGenerated) {
            deferError("cannot use DEFAULT on a generated column");
        } else if (!Constants.isConstantOrFunction(d.value())) {
            deferError("default value of column [" + currentColumn + "] is not constant");
        }
        columnHasDefault = true;
        return d;
    }

    private ColumnConstraint.Default defaultValue(Name name, int s) {
        advance();
        int tk = t();
        if (tk == Tk.LP) {
            int open = tokenEnd[pos];
            advance();
            Expr e = expr();
            int close = here();
            expect(Tk.RP);
            return new ColumnConstraint.Default(name, e, trimmed(open, close), s, prevEnd());
        }
        if (tk == Tk.PLUS || tk == Tk.MINUS) {
            int signStart = here();
            advance();
            Expr term = term();
            Expr value = tk == Tk.MINUS ? new Expr.Unary(Expr.UnaryOp.NEGATE, term, signStart, term.end()) : term;
            return new ColumnConstraint.Default(name, value, sql.substring(signStart, term.end()), s, prevEnd());
        }
        if (isTerm(tk)) {
            Expr term = term();
            return new ColumnConstraint.Default(name, term, sql.substring(term.start(), term.end()), s, prevEnd());
        }
        if (Tk.isId(tk)) {
            Name id = takeName();
            Expr value = id.text().equalsIgnoreCase("true") ? new Expr.BoolLit(true, id.start(), id.end())
                    : id.text().equalsIgnoreCase("false") ? new Expr.BoolLit(false, id.start(), id.end())
                    : new Expr.StringLit(id.text(), id.start(), id.end());
            return new ColumnConstraint.Default(name, value, id.text(sql), s, prevEnd());
        }
        throw syntaxError();
    }

    private static boolean isTerm(int tk) {
        return tk == Tk.NULL || tk == Tk.FLOAT || tk == Tk.BLOB || tk == Tk.STRING || tk == Tk.INTEGER
                || tk == Tk.QNUMBER || tk == Tk.CURRENT_TIME || tk == Tk.CURRENT_DATE || tk == Tk.CURRENT_TIMESTAMP;
    }

    /** parse.y's {@code term}: a literal (no identifier, no parentheses). */
    private Expr term() {
        if (!isTerm(t())) {
            throw syntaxError();
        }
        if (at(Tk.STRING)) {
            int s = here();
            int e = tokenEnd[pos];
            advance();
            return new Expr.StringLit(dequote(s, e, '\''), s, e);
        }
        return literal();
    }

    private String trimmed(int from, int to) {
        while (from < to && Lexer.isSpace(sql.charAt(from))) {
            from++;
        }
        while (to > from && Lexer.isSpace(sql.charAt(to - 1))) {
            to--;
        }
        return sql.substring(from, to);
    }

    /** sqlite3HasExplicitNulls: keys of tables and indexes take no NULLS FIRST/LAST. */
    final void explicitNulls(List<OrderingTerm> terms) {
        for (OrderingTerm t : terms) {
            if (t.nulls() != null) {
                deferError("unsupported use of NULLS " + t.nulls().name());
                return;
            }
        }
    }

    /** parse.y's {@code onconf}: {@code ON CONFLICT resolvetype}, or null. */
    final ConflictAction onConflict() {
        if (!at(Tk.ON)) {
            return null;
        }
        advance();
        expect(Tk.CONFLICT);
        return resolveType();
    }

    /** After [NOT] DEFERRABLE: the optional INITIALLY DEFERRED|IMMEDIATE. */
    private ForeignKeyClause.Deferral deferral(boolean deferrable) {
        Boolean initially = null;
        if (accept(Tk.INITIALLY)) {
            if (at(Tk.DEFERRED)) {
                initially = Boolean.TRUE;
            } else if (at(Tk.IMMEDIATE)) {
                initially = Boolean.FALSE;
            } else {
                throw syntaxError();
            }
            advance();
        }
        return new ForeignKeyClause.Deferral(deferrable, initially);
    }

    /**
     * {@code REFERENCES nm [(eidlist)] refargs [defer clause]}. In a column definition parse.y reads the defer
     * clause as a constraint of its own that applies to the latest key; one right after REFERENCES is kept in the
     * clause here, since that is the key it applies to.
     */
    private ForeignKeyClause foreignKeyClause(boolean tableLevel) {
        int s = here();
        expect(Tk.REFERENCES);
        Name table = nm();
        List<Name> columns = eidListOpt();
        ForeignKeyClause.Action onDelete = null;
        ForeignKeyClause.Action onUpdate = null;
        Name match = null;
        while (true) {
            if (accept(Tk.MATCH)) {
                match = nm();
            } else if (at(Tk.ON)) {
                advance();
                int which = t();
                if (which != Tk.INSERT && which != Tk.DELETE && which != Tk.UPDATE) {
                    throw syntaxError();
                }
                advance();
                ForeignKeyClause.Action a = refAction();
                if (which == Tk.DELETE) {
                    onDelete = a;
                } else if (which == Tk.UPDATE) {
                    onUpdate = a;
                }
            } else {
                break;
            }
        }
        ForeignKeyClause.Deferral deferral = null;
        if (at(Tk.DEFERRABLE) || (at(Tk.NOT) && (tableLevel || peek(1) == Tk.DEFERRABLE))) {
            boolean not = accept(Tk.NOT);
            expect(Tk.DEFERRABLE);
            deferral = deferral(!not);
        }
        return new ForeignKeyClause(table, columns, onDelete, onUpdate, match, deferral, s, prevEnd());
    }

    private ForeignKeyClause.Action refAction() {
        switch (t()) {
            case Tk.SET -> {
                advance();
                if (accept(Tk.NULL)) {
                    return ForeignKeyClause.Action.SET_NULL;
                }
                expect(Tk.DEFAULT);
                return ForeignKeyClause.Action.SET_DEFAULT;
            }
            case Tk.CASCADE -> {
                advance();
                return ForeignKeyClause.Action.CASCADE;
            }
            case Tk.RESTRICT -> {
                advance();
                return ForeignKeyClause.Action.RESTRICT;
            }
            case Tk.NO -> {
                advance();
                expect(Tk.ACTION);
                return ForeignKeyClause.Action.NO_ACTION;
            }
            default -> throw syntaxError();
        }
    }

    /** parse.y's {@code conslist}: constraints separated by commas or nothing. */
    private void tableConstraints(List<TableConstraint> out) {
        while (true) {
            Name name = null;
            int s = here();
            while (at(Tk.CONSTRAINT)) {
                advance();
                name = nm();
            }
            TableConstraint c = tableConstraint(name, s);
            if (c != null) {
                out.add(c);
            }
            if (accept(Tk.COMMA)) {
                continue;
            }
            if (!startsTableConstraint()) {
                return;
            }
        }
    }

    private TableConstraint tableConstraint(Name name, int s) {
        switch (t()) {
            case Tk.PRIMARY -> {
                advance();
                expect(Tk.KEY);
                expect(Tk.LP);
                List<OrderingTerm> columns = sortList();
                boolean autoincrement = accept(Tk.AUTOINCREMENT);
                expect(Tk.RP);
                ConflictAction conflict = onConflict();
                if (!primaryKey()) {
                    for (OrderingTerm term : columns) {
                        if (term.expr() instanceof Expr.ColumnRef ref && ref.table() == null && generatedColumns
                                .contains(ref.column().text().toLowerCase(java.util.Locale.ROOT))) {
                            deferError("generated columns cannot be part of the PRIMARY KEY");
                        }
                    }
                    explicitNulls(columns);
                }
                return new TableConstraint.PrimaryKey(name, columns, autoincrement, conflict, s, prevEnd());
            }
            case Tk.UNIQUE -> {
                advance();
                expect(Tk.LP);
                List<OrderingTerm> columns = sortList();
                expect(Tk.RP);
                ConflictAction conflict = onConflict();
                explicitNulls(columns);
                return new TableConstraint.Unique(name, columns, conflict, s, prevEnd());
            }
            case Tk.CHECK -> {
                advance();
                expect(Tk.LP);
                Expr e = expr();
                expect(Tk.RP);
                return new TableConstraint.Check(name, e, onConflict(), s, prevEnd());
            }
            case Tk.FOREIGN -> {
                advance();
                expect(Tk.KEY);
                expect(Tk.LP);
                List<Name> columns = eidList();
                expect(Tk.RP);
                return new TableConstraint.ForeignKey(name, columns, foreignKeyClause(true), s, prevEnd());
            }
            default -> {
                if (name != null) {
                    return null;
                }
                throw syntaxError();
            }
        }
    }
}
