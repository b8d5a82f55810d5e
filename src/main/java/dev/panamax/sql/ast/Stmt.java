package dev.panamax.sql.ast;

import dev.panamax.sql.ast.Select.From;
import dev.panamax.sql.ast.Select.Limit;
import dev.panamax.sql.ast.Select.ResultColumn;
import dev.panamax.sql.ast.Select.With;
import java.util.List;

/**
 * A statement (lang.html). Lists are never null (empty when the clause is absent); optional single parts are null
 * when absent. {@code start}/{@code end} cover the statement's text without the terminating semicolon.
 */
public sealed interface Stmt extends Node
        permits Select, Stmt.Insert, Stmt.Update, Stmt.Delete, Stmt.CreateTable, Stmt.CreateIndex, Stmt.CreateView,
        Stmt.CreateTrigger, Stmt.CreateVirtualTable, Stmt.Drop, Stmt.AlterTable, Stmt.Begin, Stmt.Commit,
        Stmt.Rollback, Stmt.Savepoint, Stmt.Release, Stmt.Attach, Stmt.Detach, Stmt.Analyze, Stmt.Vacuum,
        Stmt.Reindex, Stmt.Pragma, Stmt.Explain {

    /**
     * INSERT/REPLACE. {@code orAction} is the {@code OR x} action ({@code REPLACE} for the REPLACE keyword, which
     * sets {@code replaceKeyword}), null when absent. {@code select} is the VALUES or SELECT source, null for
     * DEFAULT VALUES. {@code columns} is empty when no column list was written.
     */
    record Insert(With with, ConflictAction orAction, boolean replaceKeyword, QualifiedName table, Name alias,
            List<Name> columns, Select select, List<Upsert> upserts, List<ResultColumn> returning, int start,
            int end) implements Stmt {
        public boolean defaultValues() {
            return select == null;
        }
    }

    /**
     * {@code ON CONFLICT [(target) [WHERE targetWhere]] DO NOTHING | DO UPDATE SET .. [WHERE where]}. {@code target}
     * is empty when no target was written; {@code set} is empty for DO NOTHING.
     */
    record Upsert(List<OrderingTerm> target, Expr targetWhere, boolean doNothing, List<SetClause> set, Expr where,
            int start, int end) implements Node {
    }

    /** {@code column = value} or {@code (c1, c2) = value}; {@code rowValue} tells the second form. */
    record SetClause(List<Name> columns, boolean rowValue, Expr value) {
    }

    record Update(With with, ConflictAction orAction, QualifiedName table, Name alias, Name indexedBy,
            boolean notIndexed, List<SetClause> set, From from, Expr where, List<ResultColumn> returning,
            List<OrderingTerm> orderBy, Limit limit, int start, int end) implements Stmt {
    }

    record Delete(With with, QualifiedName table, Name alias, Name indexedBy, boolean notIndexed, Expr where,
            List<ResultColumn> returning, List<OrderingTerm> orderBy, Limit limit, int start, int end)
            implements Stmt {
    }

    /**
     * CREATE TABLE, either with columns (then {@code asSelect} is null) or {@code AS select} (then {@code columns}
     * is empty).
     */
    record CreateTable(boolean temp, boolean ifNotExists, QualifiedName name, List<ColumnDef> columns,
            List<TableConstraint> constraints, boolean withoutRowid, boolean strict, Select asSelect, int start,
            int end) implements Stmt {
    }

    /**
     * CREATE INDEX. {@code using} and {@code parameters} are Turso's index-method syntax
     * ({@code USING method (..) WITH (key = literal, ..)}); null/empty for an ordinary index.
     */
    record CreateIndex(boolean unique, boolean ifNotExists, QualifiedName name, Name table,
            List<OrderingTerm> columns, Name using, List<IndexParameter> parameters, Expr where, int start, int end)
            implements Stmt {
    }

    record IndexParameter(Name key, Expr value) {
    }

    record CreateView(boolean temp, boolean ifNotExists, QualifiedName name, List<Name> columns, Select select,
            int start, int end) implements Stmt {
    }

    /**
     * CREATE TRIGGER. {@code time} is null when not written (SQLite then means BEFORE); {@code updateOf} holds the
     * UPDATE OF columns. The body holds Insert, Update, Delete and Select statements.
     */
    record CreateTrigger(boolean temp, boolean ifNotExists, QualifiedName name, TriggerTime time, TriggerEvent event,
            List<Name> updateOf, QualifiedName table, boolean forEachRow, Expr when, List<Stmt> body, int start,
            int end) implements Stmt {
    }

    enum TriggerTime { BEFORE, AFTER, INSTEAD_OF }

    enum TriggerEvent { DELETE, INSERT, UPDATE }

    /** CREATE VIRTUAL TABLE; each module argument is its raw source text, trimmed (empty arguments dropped). */
    record CreateVirtualTable(boolean ifNotExists, QualifiedName name, Name module, List<String> arguments,
            boolean hasArgumentList, int start, int end) implements Stmt {
    }

    record Drop(ObjectType type, boolean ifExists, QualifiedName name, int start, int end) implements Stmt {
    }

    enum ObjectType { TABLE, INDEX, VIEW, TRIGGER }

    record AlterTable(QualifiedName table, AlterAction action, int start, int end) implements Stmt {
    }

    sealed interface AlterAction {
    }

    record RenameTable(Name newName) implements AlterAction {
    }

    record RenameColumn(Name oldName, Name newName) implements AlterAction {
    }

    record AddColumn(ColumnDef column) implements AlterAction {
    }

    record DropColumn(Name column) implements AlterAction {
    }

    /** {@code DROP CONSTRAINT name} (SQLite 3.53). */
    record DropConstraint(Name constraint) implements AlterAction {
    }

    /** {@code ALTER [COLUMN] column DROP NOT NULL} (SQLite 3.53). */
    record DropNotNull(Name column) implements AlterAction {
    }

    /** {@code ALTER [COLUMN] column SET NOT NULL [ON CONFLICT ..]} (SQLite 3.53); onConflict may be null. */
    record SetNotNull(Name column, ConflictAction onConflict) implements AlterAction {
    }

    /**
     * {@code ADD [CONSTRAINT name] CHECK (expr) [ON CONFLICT ..]} (SQLite 3.53); {@code text} is the source text
     * between the parentheses, which SQLite splices into the stored CREATE TABLE.
     */
    record AddCheck(Name name, Expr expr, String text, ConflictAction onConflict) implements AlterAction {
    }

    /** BEGIN; {@code mode} is null when not written (DEFERRED). CONCURRENT is Turso's MVCC transaction. */
    record Begin(TransactionMode mode, int start, int end) implements Stmt {
    }

    enum TransactionMode { DEFERRED, IMMEDIATE, EXCLUSIVE, CONCURRENT }

    /** COMMIT or END. */
    record Commit(int start, int end) implements Stmt {
    }

    /** ROLLBACK, or ROLLBACK TO savepoint when {@code savepoint} is non-null. */
    record Rollback(Name savepoint, int start, int end) implements Stmt {
    }

    record Savepoint(Name name, int start, int end) implements Stmt {
    }

    record Release(Name name, int start, int end) implements Stmt {
    }

    /** ATTACH [DATABASE] file AS schema [KEY key]; {@code key} may be null. */
    record Attach(Expr file, Expr schema, Expr key, int start, int end) implements Stmt {
    }

    record Detach(Expr schema, int start, int end) implements Stmt {
    }

    /** ANALYZE [[schema.]name]; {@code target} null for all. */
    record Analyze(QualifiedName target, int start, int end) implements Stmt {
    }

    /** VACUUM [schema] [INTO file]. */
    record Vacuum(Name schema, Expr into, int start, int end) implements Stmt {
    }

    record Reindex(QualifiedName target, int start, int end) implements Stmt {
    }

    /**
     * PRAGMA [schema.]name [= value | (value)]. {@code value} is the argument's text as sqlite3Pragma receives it: a
     * name dequoted, a number as written with a leading {@code -} kept; null when there is none.
     */
    record Pragma(QualifiedName name, String value, boolean callForm, int start, int end) implements Stmt {
    }

    record Explain(boolean queryPlan, Stmt statement, int start, int end) implements Stmt {
    }
}
