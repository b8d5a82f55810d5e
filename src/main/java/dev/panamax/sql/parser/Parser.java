package dev.panamax.sql.parser;

import dev.panamax.sql.ast.Expr;
import dev.panamax.sql.ast.Name;
import dev.panamax.sql.ast.OrderingTerm;
import dev.panamax.sql.ast.QualifiedName;
import dev.panamax.sql.ast.Select;
import dev.panamax.sql.ast.Stmt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Entry points, and the statements outside SELECT/DML/CREATE TABLE: CREATE INDEX/VIEW/TRIGGER/VIRTUAL TABLE,
 * DROP, ALTER TABLE, transactions and savepoints, ATTACH/DETACH, ANALYZE, VACUUM, REINDEX, PRAGMA and EXPLAIN
 * (parse.y's {@code cmd}). Turso additions: {@code BEGIN CONCURRENT} and {@code CREATE INDEX .. USING method (..)
 * WITH (..)}.
 *
 * <p>A Parser reads one SQL text; {@link #parse(String)} stops after the first statement, like
 * {@code sqlite3_prepare}, and {@link #parseAll(String)} reads them all. Errors are {@link ParseException}s with
 * SQLite's messages.
 */
public final class Parser extends DdlParser {

    private Parser(String sql, boolean legacySchema) {
        super(sql, Lexer.tokenize(sql), legacySchema);
    }

    /** The first statement of {@code sql} (leading empty statements skipped), as sqlite3_prepare reads it. */
    public static Parsed parse(String sql) {
        Parser p = new Parser(sql, false);
        return p.guarded();
    }

    /**
     * The first statement, read as SQLite reads sqlite_schema: column-name lists may carry COLLATE and ASC/DESC,
     * which old SQLite versions wrote and new ones refuse elsewhere.
     */
    public static Parsed parseSchema(String sql) {
        Parser p = new Parser(sql, true);
        return p.guarded();
    }

    /** Every statement of a script, in order; stops at the first error, which it throws. */
    public static List<Parsed> parseAll(String sql) {
        Parser p = new Parser(sql, false);
        List<Parsed> out = new ArrayList<>();
        while (true) {
            Parsed one = p.guarded();
            if (one.statement() == null) {
                return out;
            }
            out.add(one);
        }
    }

    /**
     * The statements of a script one at a time, tokenizing it once: each {@code next()} parses the following
     * statement and throws its {@link ParseException} there, so the statements before a bad one can run first (as
     * {@code sqlite3_exec} runs them).
     */
    public static Iterator<Parsed> iterate(String sql) {
        Parser p = new Parser(sql, false);
        return new Iterator<>() {
            private Parsed ahead;

            @Override
            public boolean hasNext() {
                if (ahead == null) {
                    ahead = p.guarded();
                }
                return ahead.statement() != null;
            }

            @Override
            public Parsed next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Parsed out = ahead;
                ahead = null;
                return out;
            }
        };
    }

    /** Parses one statement; a parse too deep for the thread's stack reports SQLite's recursion error. */
    private Parsed guarded() {
        try {
            return next();
        } catch (StackOverflowError e) {
            throw new ParseException("Recursion limit", tokenStart[Math.min(pos, lexer.count - 1)]);
        }
    }

    private Parsed next() {
        checkFirstToken();
        while (at(Tk.SEMI)) {
            advance();
        }
        if (at(Tk.EOF)) {
            return new Parsed(null, lexer.inputLength(), 0, List.of());
        }
        resetStatementState();
        Stmt stmt = command();
        if (!at(Tk.SEMI) && !at(Tk.EOF)) {
            throw syntaxError();
        }
        int tail = at(Tk.SEMI) ? tokenEnd[pos] : tokenStart[pos];
        flushDeferred();
        if (at(Tk.SEMI)) {
            pos++;
        }
        return new Parsed(stmt, tail, parameterCount(), Collections.unmodifiableList(parameterNames));
    }

    private Stmt command() {
        int s = here();
        if (at(Tk.EXPLAIN)) {
            advance();
            boolean queryPlan = false;
            if (at(Tk.QUERY)) {
                advance();
                expect(Tk.PLAN);
                queryPlan = true;
            }
            Stmt inner = cmd();
            return new Stmt.Explain(queryPlan, inner, s, prevEnd());
        }
        return cmd();
    }

    private Stmt cmd() {
        int s = here();
        return switch (t()) {
            case Tk.SELECT, Tk.VALUES -> selectNoWith(null, s);
            case Tk.WITH -> withStatement(s);
            case Tk.INSERT, Tk.REPLACE -> insert(null, s);
            case Tk.UPDATE -> update(null, s);
            case Tk.DELETE -> delete(null, s);
            case Tk.CREATE -> create(s);
            case Tk.DROP -> drop(s);
            case Tk.ALTER -> alter(s);
            case Tk.BEGIN -> begin(s);
            case Tk.COMMIT, Tk.END -> {
                advance();
                transactionOpt();
                yield new Stmt.Commit(s, prevEnd());
            }
            case Tk.ROLLBACK -> rollback(s);
            case Tk.SAVEPOINT -> {
                advance();
                Name n = nm();
                yield new Stmt.Savepoint(n, s, prevEnd());
            }
            case Tk.RELEASE -> {
                advance();
                accept(Tk.SAVEPOINT);
                Name n = nm();
                yield new Stmt.Release(n, s, prevEnd());
            }
            case Tk.ATTACH -> attach(s);
            case Tk.DETACH -> {
                advance();
                accept(Tk.DATABASE);
                Expr schema = expr();
                yield new Stmt.Detach(schema, s, prevEnd());
            }
            case Tk.ANALYZE -> {
                advance();
                QualifiedName target = Tk.isNm(t()) ? fullName() : null;
                yield new Stmt.Analyze(target, s, prevEnd());
            }
            case Tk.REINDEX -> {
                advance();
                QualifiedName target = Tk.isNm(t()) ? fullName() : null;
                yield new Stmt.Reindex(target, s, prevEnd());
            }
            case Tk.VACUUM -> vacuum(s);
            case Tk.PRAGMA -> pragma(s);
            default -> throw syntaxError();
        };
    }

    private void resetStatementState() {
        nesting = 0;
        lastHeight = 0;
        selectHeight = 0;
        inTrigger = false;
        resetTableState();
        parameterNames = new ArrayList<>();
        resetParameters();
    }

    private Stmt withStatement(int s) {
        Select.With with = with();
        return switch (t()) {
            case Tk.SELECT, Tk.VALUES -> selectNoWith(with, s);
            case Tk.INSERT, Tk.REPLACE -> insert(with, s);
            case Tk.UPDATE -> update(with, s);
            case Tk.DELETE -> delete(with, s);
            default -> throw syntaxError();
        };
    }

    /** parse.y's {@code trans_opt}: {@code [TRANSACTION [name]]}. */
    private void transactionOpt() {
        if (accept(Tk.TRANSACTION) && Tk.isNm(t())) {
            advance();
        }
    }

    private Stmt begin(int s) {
        advance();
        Stmt.TransactionMode mode = switch (t()) {
            case Tk.DEFERRED -> Stmt.TransactionMode.DEFERRED;
            case Tk.IMMEDIATE -> Stmt.TransactionMode.IMMEDIATE;
            case Tk.EXCLUSIVE -> Stmt.TransactionMode.EXCLUSIVE;
            case Tk.ID -> tokenText(pos).equalsIgnoreCase("concurrent") ? Stmt.TransactionMode.CONCURRENT : null;
            default -> null;
        };
        if (mode != null) {
            advance();
        }
        transactionOpt();
        return new Stmt.Begin(mode, s, prevEnd());
    }

    private Stmt rollback(int s) {
        advance();
        transactionOpt();
        Name savepoint = null;
        if (accept(Tk.TO)) {
            accept(Tk.SAVEPOINT);
            savepoint = nm();
        }
        return new Stmt.Rollback(savepoint, s, prevEnd());
    }

    private Stmt attach(int s) {
        advance();
        accept(Tk.DATABASE);
        Expr file = expr();
        expect(Tk.AS);
        Expr schema = expr();
        Expr key = accept(Tk.KEY) ? expr() : null;
        return new Stmt.Attach(file, schema, key, s, prevEnd());
    }

    private Stmt vacuum(int s) {
        advance();
        Name schema = Tk.isNm(t()) ? takeName() : null;
        Expr into = accept(Tk.INTO) ? expr() : null;
        return new Stmt.Vacuum(schema, into, s, prevEnd());
    }

    /** PRAGMA with parse.y's {@code nmnum}/{@code minus_num} argument forms. */
    private Stmt pragma(int s) {
        advance();
        QualifiedName name = fullName();
        if (!at(Tk.EQ) && !at(Tk.LP)) {
            return new Stmt.Pragma(name, null, false, s, prevEnd());
        }
        boolean call = at(Tk.LP);
        advance();
        String value;
        int tk = t();
        if (tk == Tk.MINUS || tk == Tk.PLUS) {
            advance();
            if (!at(Tk.INTEGER) && !at(Tk.FLOAT)) {
                throw syntaxError();
            }
            value = (tk == Tk.MINUS ? "-" : "") + tokenText(pos);
            advance();
        } else if (tk == Tk.INTEGER || tk == Tk.FLOAT || tk == Tk.ON || tk == Tk.DELETE || tk == Tk.DEFAULT) {
            value = tokenText(pos);
            advance();
        } else {
            value = nm().text();
        }
        if (call) {
            expect(Tk.RP);
        }
        return new Stmt.Pragma(name, value, call, s, prevEnd());
    }

    private Stmt drop(int s) {
        advance();
        Stmt.ObjectType type = switch (t()) {
            case Tk.TABLE -> Stmt.ObjectType.TABLE;
            case Tk.INDEX -> Stmt.ObjectType.INDEX;
            case Tk.VIEW -> Stmt.ObjectType.VIEW;
            case Tk.TRIGGER -> Stmt.ObjectType.TRIGGER;
            default -> throw syntaxError();
        };
        advance();
        boolean ifExists = false;
        if (at(Tk.IF)) {
            advance();
            expect(Tk.EXISTS);
            ifExists = true;
        }
        QualifiedName name = fullName();
        return new Stmt.Drop(type, ifExists, name, s, prevEnd());
    }

    private Stmt alter(int s) {
        advance();
        expect(Tk.TABLE);
        QualifiedName table = fullName();
        Stmt.AlterAction action;
        if (accept(Tk.RENAME)) {
            if (accept(Tk.TO)) {
                action = new Stmt.RenameTable(nm());
            } else {
                accept(Tk.COLUMN);
                Name old = nm();
                expect(Tk.TO);
                action = new Stmt.RenameColumn(old, nm());
            }
        } else if (accept(Tk.ADD)) {
            if (at(Tk.CONSTRAINT) || at(Tk.CHECK)) {
                action = addCheck();
            } else {
                accept(Tk.COLUMN);
                action = new Stmt.AddColumn(columnDef());
            }
        } else if (accept(Tk.DROP)) {
            if (accept(Tk.CONSTRAINT)) {
                action = new Stmt.DropConstraint(nm());
            } else {
                accept(Tk.COLUMN);
                action = new Stmt.DropColumn(nm());
            }
        } else if (accept(Tk.ALTER)) {
            accept(Tk.COLUMN);
            Name column = nm();
            if (accept(Tk.DROP)) {
                expect(Tk.NOT);
                expect(Tk.NULL);
                action = new Stmt.DropNotNull(column);
            } else {
                expect(Tk.SET);
                expect(Tk.NOT);
                expect(Tk.NULL);
                action = new Stmt.SetNotNull(column, onConflict());
            }
        } else {
            throw syntaxError();
        }
        return new Stmt.AlterTable(table, action, s, prevEnd());
    }

    /** {@code ADD [CONSTRAINT name] CHECK (expr) [ON CONFLICT ..]}. */
    private Stmt.AlterAction addCheck() {
        Name name = null;
        if (accept(Tk.CONSTRAINT)) {
            name = nm();
        }
        expect(Tk.CHECK);
        int open = tokenEnd[pos];
        expect(Tk.LP);
        Expr e = expr();
        int close = here();
        expect(Tk.RP);
        return new Stmt.AddCheck(name, e, sql.substring(open, close), onConflict());
    }

    private Stmt create(int s) {
        advance();
        switch (t()) {
            case Tk.TEMP -> {
                advance();
                return switch (t()) {
                    case Tk.TABLE -> createTable(true, s);
                    case Tk.VIEW -> createView(true, s);
                    case Tk.TRIGGER -> createTrigger(true, s);
                    default -> throw syntaxError();
                };
            }
            case Tk.TABLE -> {
                return createTable(false, s);
            }
            case Tk.VIEW -> {
                return createView(false, s);
            }
            case Tk.TRIGGER -> {
                return createTrigger(false, s);
            }
            case Tk.UNIQUE, Tk.INDEX -> {
                return createIndex(s);
            }
            case Tk.VIRTUAL -> {
                return createVirtualTable(s);
            }
            default -> throw syntaxError();
        }
    }

    private Stmt createView(boolean temp, int s) {
        advance();
        boolean ifNotExists = ifNotExists();
        QualifiedName name = fullName();
        List<Name> columns = eidListOpt();
        expect(Tk.AS);
        Select sel = select();
        if (parameterCount() > 0) {
            deferError("parameters are not allowed in views");
        }
        return new Stmt.CreateView(temp, ifNotExists, name, columns, sel, s, prevEnd());
    }

    private Stmt createIndex(int s) {
        boolean unique = accept(Tk.UNIQUE);
        expect(Tk.INDEX);
        boolean ifNotExists = ifNotExists();
        QualifiedName name = fullName();
        expect(Tk.ON);
        Name table = nm();
        Name using = accept(Tk.USING) ? nm() : null;
        expect(Tk.LP);
        List<OrderingTerm> columns = sortList();
        expect(Tk.RP);
        noParameters("index expressions", 0);
        List<Stmt.IndexParameter> parameters = List.of();
        if (at(Tk.WITH) && peek(1) == Tk.LP) {
            parameters = indexParameters();
        }
        int before = parameterCount();
        Expr where = accept(Tk.WHERE) ? expr() : null;
        noParameters("partial index WHERE clauses", before);
        if (using == null) {
            explicitNulls(columns);
        }
        return new Stmt.CreateIndex(unique, ifNotExists, name, table, columns, using, parameters, where, s,
                prevEnd());
    }

    /** Turso's {@code WITH (key = literal, ...)} after an index-method column list. */
    private List<Stmt.IndexParameter> indexParameters() {
        advance();
        advance();
        List<Stmt.IndexParameter> parameters = new ArrayList<>();
        do {
            Name key = nm();
            expect(Tk.EQ);
            parameters.add(new Stmt.IndexParameter(key, expr()));
        } while (accept(Tk.COMMA));
        expect(Tk.RP);
        return parameters;
    }

    private Stmt createTrigger(boolean temp, int s) {
        advance();
        boolean ifNotExists = ifNotExists();
        QualifiedName name = fullName();
        Stmt.TriggerTime time = null;
        if (accept(Tk.BEFORE)) {
            time = Stmt.TriggerTime.BEFORE;
        } else if (accept(Tk.AFTER)) {
            time = Stmt.TriggerTime.AFTER;
        } else if (accept(Tk.INSTEAD)) {
            expect(Tk.OF);
            time = Stmt.TriggerTime.INSTEAD_OF;
        }
        Stmt.TriggerEvent event = switch (t()) {
            case Tk.DELETE -> Stmt.TriggerEvent.DELETE;
            case Tk.INSERT -> Stmt.TriggerEvent.INSERT;
            case Tk.UPDATE -> Stmt.TriggerEvent.UPDATE;
            default -> throw syntaxError();
        };
        advance();
        List<Name> updateOf = List.of();
        if (event == Stmt.TriggerEvent.UPDATE && accept(Tk.OF)) {
            updateOf = new ArrayList<>();
            do {
                updateOf.add(nm());
            } while (accept(Tk.COMMA));
        }
        expect(Tk.ON);
        QualifiedName table = fullName();
        boolean forEachRow = false;
        if (accept(Tk.FOR)) {
            expect(Tk.EACH);
            expect(Tk.ROW);
            forEachRow = true;
        }
        Expr when = accept(Tk.WHEN) ? expr() : null;
        expect(Tk.BEGIN);
        List<Stmt> body = triggerBody();
        if (parameterCount() > 0) {
            deferError("trigger cannot use variables");
        }
        return new Stmt.CreateTrigger(temp, ifNotExists, name, time, event, updateOf, table, forEachRow, when, body,
                s, prevEnd());
    }

    /** parse.y's {@code trigger_cmd_list END}: one or more steps, each ending in a semicolon. */
    private List<Stmt> triggerBody() {
        inTrigger = true;
        List<Stmt> body = new ArrayList<>();
        do {
            int s = here();
            Stmt step = switch (t()) {
                case Tk.UPDATE -> update(null, s);
                case Tk.INSERT, Tk.REPLACE -> insert(null, s);
                case Tk.DELETE -> delete(null, s);
                default -> select();
            };
            body.add(step);
            expect(Tk.SEMI);
        } while (!at(Tk.END));
        advance();
        inTrigger = false;
        return body;
    }

    /** CREATE VIRTUAL TABLE; module arguments are kept as raw text, split at top-level commas. */
    private Stmt createVirtualTable(int s) {
        advance();
        expect(Tk.TABLE);
        boolean ifNotExists = ifNotExists();
        QualifiedName name = fullName();
        expect(Tk.USING);
        Name module = nm();
        List<String> arguments = new ArrayList<>();
        boolean hasList = at(Tk.LP);
        if (hasList) {
            advance();
            int argStart = -1;
            int argEnd = -1;
            int depth = 0;
            while (depth > 0 || !at(Tk.RP)) {
                int tk = t();
                if (tk == Tk.EOF) {
                    throw syntaxError();
                }
                if (tk == Tk.COMMA && depth == 0) {
                    addArgument(arguments, argStart, argEnd);
                    argStart = -1;
                    advance();
                    continue;
                }
                if (tk == Tk.LP) {
                    depth++;
                } else if (tk == Tk.RP) {
                    depth--;
                }
                if (argStart < 0) {
                    argStart = here();
                }
                argEnd = tokenEnd[pos];
                advance();
            }
            addArgument(arguments, argStart, argEnd);
            advance();
        }
        return new Stmt.CreateVirtualTable(ifNotExists, name, module, arguments, hasList, s, prevEnd());
    }

    private void addArgument(List<String> arguments, int from, int to) {
        if (from >= 0) {
            arguments.add(sql.substring(from, to));
        }
    }
}
