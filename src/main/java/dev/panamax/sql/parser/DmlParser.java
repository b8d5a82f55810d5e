package dev.panamax.sql.parser;

import dev.panamax.sql.ast.ConflictAction;
import dev.panamax.sql.ast.Expr;
import dev.panamax.sql.ast.Name;
import dev.panamax.sql.ast.OrderingTerm;
import dev.panamax.sql.ast.QualifiedName;
import dev.panamax.sql.ast.Select;
import dev.panamax.sql.ast.Stmt;
import java.util.ArrayList;
import java.util.List;

/**
 * INSERT/REPLACE, UPDATE and DELETE (lang_insert.html, lang_update.html, lang_delete.html, lang_upsert.html,
 * lang_returning.html), both as statements and as the restricted forms allowed in a trigger body (no WITH, no
 * DEFAULT VALUES, no INDEXED BY, no RETURNING, no ORDER BY/LIMIT), with SQLite's messages for the latter.
 */
abstract class DmlParser extends SelectParser {
    /** Set while parsing a trigger body. */
    boolean inTrigger;

    DmlParser(String sql, Lexer lexer, boolean legacySchema) {
        super(sql, lexer, legacySchema);
    }

    /** parse.y's {@code orconf}: {@code OR resolvetype}, or null. */
    final ConflictAction orConflict() {
        if (!accept(Tk.OR)) {
            return null;
        }
        return resolveType();
    }

    /** parse.y's {@code resolvetype}. */
    final ConflictAction resolveType() {
        ConflictAction a = switch (t()) {
            case Tk.ROLLBACK -> ConflictAction.ROLLBACK;
            case Tk.ABORT -> ConflictAction.ABORT;
            case Tk.FAIL -> ConflictAction.FAIL;
            case Tk.IGNORE -> ConflictAction.IGNORE;
            case Tk.REPLACE -> ConflictAction.REPLACE;
            default -> throw syntaxError();
        };
        advance();
        return a;
    }

    /** parse.y's {@code xfullname}: {@code [schema.]name [AS alias]}. */
    private Name xAlias() {
        return accept(Tk.AS) ? nm() : null;
    }

    final Stmt.Insert insert(Select.With with, int s) {
        boolean replace = at(Tk.REPLACE);
        advance();
        ConflictAction or = replace ? ConflictAction.REPLACE : orConflict();
        expect(Tk.INTO);
        QualifiedName table = fullName();
        Name alias = xAlias();
        List<Name> columns = at(Tk.LP) ? parenIdList() : List.of();
        if (at(Tk.DEFAULT) && !inTrigger) {
            advance();
            expect(Tk.VALUES);
            List<Select.ResultColumn> returning = returning();
            return new Stmt.Insert(with, or, replace, table, alias, columns, null, List.of(), returning, s,
                    prevEnd());
        }
        Select source = select();
        List<Stmt.Upsert> upserts = new ArrayList<>();
        List<Select.ResultColumn> returning = List.of();
        while (true) {
            if (at(Tk.RETURNING)) {
                returning = returning();
                break;
            }
            if (!at(Tk.ON)) {
                break;
            }
            Stmt.Upsert u = upsert();
            upserts.add(u);
            if (u.target().isEmpty()) {
                returning = returning();
                break;
            }
        }
        qualifiedInTrigger(table);
        return new Stmt.Insert(with, or, replace, table, alias, columns, source, upserts, returning, s, prevEnd());
    }

    private Stmt.Upsert upsert() {
        int s = here();
        advance();
        expect(Tk.CONFLICT);
        List<OrderingTerm> target = List.of();
        Expr targetWhere = null;
        if (at(Tk.LP)) {
            advance();
            target = sortList();
            expect(Tk.RP);
            targetWhere = accept(Tk.WHERE) ? expr() : null;
        }
        expect(Tk.DO);
        if (accept(Tk.NOTHING)) {
            return new Stmt.Upsert(target, targetWhere, true, List.of(), null, s, prevEnd());
        }
        expect(Tk.UPDATE);
        expect(Tk.SET);
        List<Stmt.SetClause> set = setList();
        Expr where = accept(Tk.WHERE) ? expr() : null;
        return new Stmt.Upsert(target, targetWhere, false, set, where, s, prevEnd());
    }

    /** {@code RETURNING selcollist}, or empty; refused inside a trigger as sqlite3AddReturning does. */
    final List<Select.ResultColumn> returning() {
        if (!accept(Tk.RETURNING)) {
            return List.of();
        }
        List<Select.ResultColumn> columns = resultColumns();
        if (inTrigger) {
            deferError("cannot use RETURNING in a trigger");
        }
        return columns;
    }

    /** parse.y's {@code setlist}. */
    final List<Stmt.SetClause> setList() {
        List<Stmt.SetClause> set = new ArrayList<>();
        do {
            if (at(Tk.LP)) {
                List<Name> columns = parenIdList();
                expect(Tk.EQ);
                set.add(new Stmt.SetClause(columns, true, expr()));
            } else {
                Name column = nm();
                expect(Tk.EQ);
                set.add(new Stmt.SetClause(List.of(column), false, expr()));
            }
        } while (accept(Tk.COMMA));
        return set;
    }

    final Stmt.Update update(Select.With with, int s) {
        advance();
        ConflictAction or = orConflict();
        QualifiedName table = fullName();
        Name alias = xAlias();
        IndexHint hint = indexHint();
        expect(Tk.SET);
        List<Stmt.SetClause> set = setList();
        Select.From from = accept(Tk.FROM) ? from() : null;
        Expr where = accept(Tk.WHERE) ? expr() : null;
        if (inTrigger) {
            qualifiedInTrigger(table);
            return new Stmt.Update(null, or, table, alias, hint.indexedBy, hint.notIndexed, set, from, where,
                    List.of(), List.of(), null, s, prevEnd());
        }
        List<Select.ResultColumn> returning = returning();
        List<OrderingTerm> orderBy = at(Tk.ORDER) ? orderBy() : List.of();
        Select.Limit limit = at(Tk.LIMIT) ? limit() : null;
        return new Stmt.Update(with, or, table, alias, hint.indexedBy, hint.notIndexed, set, from, where, returning,
                orderBy, limit, s, prevEnd());
    }

    final Stmt.Delete delete(Select.With with, int s) {
        advance();
        expect(Tk.FROM);
        QualifiedName table = fullName();
        Name alias = xAlias();
        IndexHint hint = indexHint();
        Expr where = accept(Tk.WHERE) ? expr() : null;
        if (inTrigger) {
            qualifiedInTrigger(table);
            return new Stmt.Delete(null, table, alias, hint.indexedBy, hint.notIndexed, where, List.of(), List.of(),
                    null, s, prevEnd());
        }
        List<Select.ResultColumn> returning = returning();
        List<OrderingTerm> orderBy = at(Tk.ORDER) ? orderBy() : List.of();
        Select.Limit limit = at(Tk.LIMIT) ? limit() : null;
        return new Stmt.Delete(with, table, alias, hint.indexedBy, hint.notIndexed, where, returning, orderBy, limit,
                s, prevEnd());
    }

    /** A trigger step may not name the schema of the table it writes (trigger.c). */
    private void qualifiedInTrigger(QualifiedName table) {
        if (inTrigger && table.schema() != null) {
            deferError("qualified table names are not allowed on INSERT, UPDATE, and DELETE statements within"
                    + " triggers");
        }
    }

    private record IndexHint(Name indexedBy, boolean notIndexed) {
    }

    /** parse.y's {@code indexed_opt}, or {@code tridxby} inside a trigger, which refuses both forms. */
    private IndexHint indexHint() {
        if (at(Tk.INDEXED)) {
            advance();
            expect(Tk.BY);
            Name index = nm();
            if (inTrigger) {
                deferError("the INDEXED BY clause is not allowed on UPDATE or DELETE statements within triggers");
            }
            return new IndexHint(index, false);
        }
        if (at(Tk.NOT)) {
            advance();
            expect(Tk.INDEXED);
            if (inTrigger) {
                deferError("the NOT INDEXED clause is not allowed on UPDATE or DELETE statements within triggers");
            }
            return new IndexHint(null, true);
        }
        return new IndexHint(null, false);
    }
}
