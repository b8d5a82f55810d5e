package dev.panamax.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every DatabaseMetaData call a database browser (DBeaver, IntelliJ, Squirrel) or an ORM makes, on one schema with
 * keys, indexes, views and generated columns. Where sqlite-jdbc answers correctly the rows are compared with its
 * rows for the same file; where it is wrong (cross references, unique-only index info, FK deferrability) the rows
 * are checked against what the schema says. Runs on Panamax ({@link DatabaseMetaDataTest}) and on the SQLite
 * reference engine ({@link DatabaseMetaDataOnSqliteTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DatabaseMetaDataContract {
    Connection ours;
    Connection ref;
    DatabaseMetaData md;
    DatabaseMetaData refMd;

    /** The engine the driver runs on in this run of the contract. */
    abstract Engine engine();

    @BeforeAll
    void schema(@TempDir Path dir) throws SQLException {
        EngineFixture.install(engine());
        Path db = dir.resolve("meta.db");
        ours = EngineFixture.file(db);
        try (Statement s = ours.createStatement()) {
            s.execute("""
                    CREATE TABLE parent(id INTEGER PRIMARY KEY AUTOINCREMENT, code TEXT NOT NULL UNIQUE,
                      name VARCHAR(20) DEFAULT 'x', amount DECIMAL(10,2) DEFAULT 0.5,
                      twice INTEGER GENERATED ALWAYS AS (id * 2) VIRTUAL);
                    CREATE TABLE child(a INT, b TEXT, pid INTEGER REFERENCES parent(id) ON DELETE CASCADE
                      ON UPDATE SET NULL, code TEXT, PRIMARY KEY(a, b), FOREIGN KEY(code) REFERENCES parent(code));
                    CREATE INDEX child_b ON child(b DESC, a);
                    CREATE UNIQUE INDEX child_u ON child(code) WHERE code IS NOT NULL;
                    CREATE VIEW v AS SELECT id, code FROM parent;
                    CREATE TABLE nopk(x, y BLOB, z REAL NOT NULL DEFAULT 1.5);
                    CREATE TABLE rowid_alias(k INTEGER PRIMARY KEY, v TEXT);
                    CREATE TABLE grandchild(ca INT, cb TEXT, FOREIGN KEY(ca, cb) REFERENCES child(a, b)
                      ON DELETE RESTRICT);
                    """);
        }
        ref = EngineFixture.reference(db);
        md = ours.getMetaData();
        refMd = ref.getMetaData();
    }

    @AfterAll
    void close() throws SQLException {
        ours.close();
        ref.close();
        EngineFixture.restore();
    }

    /** The rows of {@code rs} as lists of strings for the named columns. */
    static List<List<String>> rows(ResultSet rs, String... cols) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (String c : cols) {
                    row.add(rs.getString(c));
                }
                out.add(row);
            }
        }
        return out;
    }

    static List<List<String>> sorted(List<List<String>> rows) {
        List<List<String>> out = new ArrayList<>(rows);
        out.sort(java.util.Comparator.comparing(List::toString));
        return out;
    }

    static Set<String> names(ResultSet rs, String col) throws SQLException {
        Set<String> out = new TreeSet<>();
        for (List<String> r : rows(rs, col)) {
            out.add(r.get(0));
        }
        return out;
    }

    @Test
    void tablesAndViewsAgreeWithSqliteJdbc() throws SQLException {
        String[] types = {"TABLE", "VIEW"};
        assertEquals(rows(refMd.getTables(null, null, "%", types), "TABLE_NAME", "TABLE_TYPE"),
                rows(md.getTables(null, null, "%", types), "TABLE_NAME", "TABLE_TYPE"));
        assertEquals(List.of(List.of("parent", "TABLE")),
                rows(md.getTables(null, null, "par%", null), "TABLE_NAME", "TABLE_TYPE"));
        assertEquals(List.of(List.of("v", "VIEW")),
                rows(md.getTables(null, null, "%", new String[] {"VIEW"}), "TABLE_NAME", "TABLE_TYPE"));
    }

    @Test
    void systemTablesAreSchemaTablesNotIndexes() throws SQLException {
        Set<String> sys = names(md.getTables(null, null, "%", new String[] {"SYSTEM TABLE"}), "TABLE_NAME");
        assertEquals(Set.of("sqlite_schema", "sqlite_sequence"), sys);
        Set<String> refSys = names(refMd.getTables(null, null, "%", new String[] {"SYSTEM TABLE"}), "TABLE_NAME");
        refSys.removeIf(n -> n.startsWith("sqlite_autoindex_"));
        assertEquals(refSys, sys);
    }

    @Test
    void tableTypesCatalogsSchemas() throws SQLException {
        Set<String> types = names(md.getTableTypes(), "TABLE_TYPE");
        assertTrue(types.containsAll(Set.of("TABLE", "VIEW", "SYSTEM TABLE")), types.toString());
        assertEquals(rows(refMd.getCatalogs(), "TABLE_CAT"), rows(md.getCatalogs(), "TABLE_CAT"));
        assertEquals(rows(refMd.getSchemas(), "TABLE_SCHEM"), rows(md.getSchemas(), "TABLE_SCHEM"));
        try (ResultSet rs = md.getSchemas()) {
            assertEquals(2, rs.getMetaData().getColumnCount());
            assertEquals("TABLE_CATALOG", rs.getMetaData().getColumnName(2));
        }
    }

    @Test
    void columnsHaveAll24JdbcColumns() throws SQLException {
        try (ResultSet rs = md.getColumns(null, null, "parent", "%")) {
            ResultSetMetaData m = rs.getMetaData();
            assertEquals(24, m.getColumnCount());
            String[] expected = {"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME",
                "COLUMN_SIZE", "BUFFER_LENGTH", "DECIMAL_DIGITS", "NUM_PREC_RADIX", "NULLABLE", "REMARKS",
                "COLUMN_DEF", "SQL_DATA_TYPE", "SQL_DATETIME_SUB", "CHAR_OCTET_LENGTH", "ORDINAL_POSITION",
                "IS_NULLABLE", "SCOPE_CATALOG", "SCOPE_SCHEMA", "SCOPE_TABLE", "SOURCE_DATA_TYPE",
                "IS_AUTOINCREMENT", "IS_GENERATEDCOLUMN"};
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], m.getColumnName(i + 1));
            }
            assertEquals(Types.INTEGER, m.getColumnType(5));
        }
    }

    @Test
    void columnsAgreeWithSqliteJdbc() throws SQLException {
        String[] cols = {"TABLE_NAME", "COLUMN_NAME", "TYPE_NAME", "NULLABLE", "COLUMN_DEF", "ORDINAL_POSITION",
            "IS_NULLABLE", "IS_GENERATEDCOLUMN"};
        for (String table : List.of("parent", "child", "v", "nopk", "grandchild")) {
            assertEquals(rows(refMd.getColumns(null, null, table, "%"), cols),
                    rows(md.getColumns(null, null, table, "%"), cols), table);
        }
    }

    @Test
    void columnTypesSizesAndFlags() throws SQLException {
        List<List<String>> p = rows(md.getColumns(null, null, "parent", "%"), "COLUMN_NAME", "DATA_TYPE",
                "COLUMN_SIZE", "DECIMAL_DIGITS", "IS_AUTOINCREMENT", "IS_GENERATEDCOLUMN", "COLUMN_DEF");
        assertEquals(Arrays.asList("id", "4", "19", "0", "YES", "NO", null), p.get(0));
        assertEquals(Arrays.asList("code", "12", String.valueOf(SqlTypes.MAX_LENGTH), null, "NO", "NO", null),
                p.get(1));
        assertEquals(Arrays.asList("name", "12", "20", null, "NO", "NO", "'x'"), p.get(2));
        assertEquals(Arrays.asList("amount", "3", "10", "2", "NO", "NO", "0.5"), p.get(3));
        assertEquals(Arrays.asList("twice", "4", "19", "0", "NO", "YES", null), p.get(4));
        List<List<String>> r = rows(md.getColumns(null, null, "rowid_alias", "k"), "IS_AUTOINCREMENT");
        assertEquals(List.of(List.of("YES")), r);
        List<List<String>> n = rows(md.getColumns(null, null, "nopk", "%"), "COLUMN_NAME", "DATA_TYPE",
                "IS_NULLABLE", "COLUMN_DEF");
        assertEquals(List.of(Arrays.asList("x", String.valueOf(Types.BLOB), "YES", null),
                Arrays.asList("y", String.valueOf(Types.BLOB), "YES", null),
                Arrays.asList("z", String.valueOf(Types.REAL), "NO", "1.5")), n);
        assertEquals(List.of(List.of("a"), List.of("b")), rows(md.getColumns(null, null, "chil_", "_"), "COLUMN_NAME"));
    }

    @Test
    void primaryKeysAgreeWithSqliteJdbc() throws SQLException {
        for (String table : List.of("parent", "child", "nopk", "rowid_alias")) {
            assertEquals(rows(refMd.getPrimaryKeys(null, null, table), "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ"),
                    rows(md.getPrimaryKeys(null, null, table), "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ"), table);
        }
        assertEquals(List.of(List.of("a", "1"), List.of("b", "2")),
                rows(md.getPrimaryKeys(null, null, "child"), "COLUMN_NAME", "KEY_SEQ"));
    }

    static final String[] KEY_COLS = {"PKTABLE_NAME", "PKCOLUMN_NAME", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ",
        "UPDATE_RULE", "DELETE_RULE"};

    @Test
    void importedAndExportedKeysAgreeWithSqliteJdbc() throws SQLException {
        for (String table : List.of("child", "grandchild", "parent")) {
            assertEquals(sorted(rows(refMd.getImportedKeys(null, null, table), KEY_COLS)),
                    sorted(rows(md.getImportedKeys(null, null, table), KEY_COLS)), table);
            assertEquals(sorted(rows(refMd.getExportedKeys(null, null, table), KEY_COLS)),
                    sorted(rows(md.getExportedKeys(null, null, table), KEY_COLS)), table);
        }
    }

    @Test
    void foreignKeyRulesAndDeferrability() throws SQLException {
        List<List<String>> imported = rows(md.getImportedKeys(null, null, "child"), "PKCOLUMN_NAME", "FKCOLUMN_NAME",
                "UPDATE_RULE", "DELETE_RULE", "DEFERRABILITY");
        String noAction = String.valueOf(DatabaseMetaData.importedKeyNoAction);
        String notDeferrable = String.valueOf(DatabaseMetaData.importedKeyNotDeferrable);
        assertTrue(imported.contains(List.of("id", "pid", String.valueOf(DatabaseMetaData.importedKeySetNull),
                String.valueOf(DatabaseMetaData.importedKeyCascade), notDeferrable)), imported.toString());
        assertTrue(imported.contains(List.of("code", "code", noAction, noAction, notDeferrable)));
        List<List<String>> multi = rows(md.getImportedKeys(null, null, "grandchild"), "PKCOLUMN_NAME",
                "FKCOLUMN_NAME", "KEY_SEQ", "DELETE_RULE");
        String restrict = String.valueOf(DatabaseMetaData.importedKeyRestrict);
        assertEquals(List.of(List.of("a", "ca", "1", restrict), List.of("b", "cb", "2", restrict)), multi);
    }

    @Test
    void crossReferenceIsTheImportedKeysBetweenTwoTables() throws SQLException {
        List<List<String>> imported = rows(md.getImportedKeys(null, null, "child"), KEY_COLS);
        List<List<String>> cross = rows(md.getCrossReference(null, null, "parent", null, null, "child"), KEY_COLS);
        assertEquals(sorted(imported), sorted(cross));
        assertEquals(2, cross.size());
        assertEquals(List.of(), rows(md.getCrossReference(null, null, "nopk", null, null, "child"), KEY_COLS));
    }

    static final String[] INDEX_COLS = {"NON_UNIQUE", "INDEX_NAME", "ORDINAL_POSITION", "COLUMN_NAME"};

    @Test
    void indexInfoAgreesWithSqliteJdbc() throws SQLException {
        for (String table : List.of("child", "parent", "nopk")) {
            assertEquals(sorted(rows(refMd.getIndexInfo(null, null, table, false, false), INDEX_COLS)),
                    sorted(rows(md.getIndexInfo(null, null, table, false, false), INDEX_COLS)), table);
        }
    }

    @Test
    void indexInfoOrderDirectionFilterAndUniqueOnly() throws SQLException {
        List<List<String>> all = rows(md.getIndexInfo(null, null, "child", false, true), "NON_UNIQUE", "INDEX_NAME",
                "ORDINAL_POSITION", "COLUMN_NAME", "ASC_OR_DESC", "FILTER_CONDITION");
        assertEquals(List.of(
                List.of("0", "child_u", "1", "code", "A", "code IS NOT NULL"),
                Arrays.asList("0", "sqlite_autoindex_child_1", "1", "a", "A", null),
                Arrays.asList("0", "sqlite_autoindex_child_1", "2", "b", "A", null),
                Arrays.asList("1", "child_b", "1", "b", "D", null),
                Arrays.asList("1", "child_b", "2", "a", "A", null)), all);
        Set<String> unique = names(md.getIndexInfo(null, null, "child", true, true), "INDEX_NAME");
        assertEquals(Set.of("child_u", "sqlite_autoindex_child_1"), unique);
    }

    @Test
    void typeInfoListsSqliteTypesSortedByDataType() throws SQLException {
        List<List<String>> types = rows(md.getTypeInfo(), "TYPE_NAME", "DATA_TYPE");
        Set<String> names = new TreeSet<>();
        int last = Integer.MIN_VALUE;
        for (List<String> t : types) {
            names.add(t.get(0));
            int dt = Integer.parseInt(t.get(1));
            assertTrue(dt >= last, "sorted by DATA_TYPE");
            last = dt;
        }
        assertTrue(names.containsAll(Set.of("INTEGER", "REAL", "TEXT", "BLOB", "NUMERIC")), names.toString());
        try (ResultSet rs = md.getTypeInfo()) {
            assertEquals(18, rs.getMetaData().getColumnCount());
        }
    }

    @Test
    void bestRowIdentifierIsThePrimaryKeyOrTheRowid() throws SQLException {
        assertEquals(List.of(List.of("a"), List.of("b")),
                rows(md.getBestRowIdentifier(null, null, "child", DatabaseMetaData.bestRowSession, true),
                        "COLUMN_NAME"));
        assertEquals(List.of(List.of("rowid", String.valueOf(DatabaseMetaData.bestRowPseudo))),
                rows(md.getBestRowIdentifier(null, null, "nopk", DatabaseMetaData.bestRowSession, true),
                        "COLUMN_NAME", "PSEUDO_COLUMN"));
    }

    @Test
    void emptyCatalogCallsReturnJdbcColumns() throws SQLException {
        List<ResultSet> empties = List.of(md.getProcedures(null, null, "%"),
                md.getProcedureColumns(null, null, "%", "%"), md.getFunctions(null, null, "%"),
                md.getFunctionColumns(null, null, "%", "%"), md.getUDTs(null, null, "%", null),
                md.getSuperTables(null, null, "%"), md.getSuperTypes(null, null, "%"),
                md.getColumnPrivileges(null, null, "child", "%"), md.getTablePrivileges(null, null, "%"),
                md.getVersionColumns(null, null, "child"), md.getClientInfoProperties(),
                md.getPseudoColumns(null, null, "%", "%"), md.getAttributes(null, null, "%", "%"));
        int[] widths = {9, 20, 6, 17, 7, 4, 6, 8, 7, 8, 4, 12, 21};
        for (int i = 0; i < empties.size(); i++) {
            try (ResultSet rs = empties.get(i)) {
                assertEquals(widths[i], rs.getMetaData().getColumnCount(), "call " + i);
                assertFalse(rs.next());
            }
        }
    }

    @Test
    void namesQuotingAndKeywords() throws SQLException {
        assertEquals("\"", md.getIdentifierQuoteString());
        assertEquals(refMd.getDatabaseProductName(), md.getDatabaseProductName());
        assertEquals(refMd.getDatabaseProductVersion(), md.getDatabaseProductVersion());
        assertEquals(refMd.getDatabaseMajorVersion(), md.getDatabaseMajorVersion());
        assertTrue(md.getDriverName().contains("Panamax"));
        assertTrue(List.of(md.getSQLKeywords().split(",")).containsAll(List.of("AUTOINCREMENT", "PRAGMA", "VACUUM")));
        assertTrue(md.getTimeDateFunctions().contains("STRFTIME"));
        assertEquals(4, md.getJDBCMajorVersion());
        assertEquals(3, md.getJDBCMinorVersion());
        assertTrue(md.storesMixedCaseIdentifiers());
        assertFalse(md.supportsMixedCaseIdentifiers());
        assertTrue(md.nullsAreSortedLow());
        assertEquals("\\", md.getSearchStringEscape());
        assertFalse(md.isReadOnly());
        assertTrue(md.getURL().startsWith("jdbc:panamax:"));
        assertNull(md.getUserName());
        assertEquals(ours, md.getConnection());
    }

    @Test
    void supportsWhatSqliteDoes() throws SQLException {
        assertTrue(md.supportsTransactions());
        assertTrue(md.supportsSavepoints());
        assertTrue(md.supportsBatchUpdates());
        assertTrue(md.supportsGetGeneratedKeys());
        assertTrue(md.supportsMultipleResultSets());
        assertTrue(md.supportsResultSetType(ResultSet.TYPE_FORWARD_ONLY));
        assertFalse(md.supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE));
        assertTrue(md.supportsResultSetConcurrency(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY));
        assertTrue(md.supportsTransactionIsolationLevel(Connection.TRANSACTION_SERIALIZABLE));
        assertFalse(md.supportsTransactionIsolationLevel(Connection.TRANSACTION_NONE));
        assertEquals(Connection.TRANSACTION_SERIALIZABLE, md.getDefaultTransactionIsolation());
        assertTrue(md.supportsDataDefinitionAndDataManipulationTransactions());
        assertFalse(md.dataDefinitionCausesTransactionCommit());
        assertTrue(md.supportsAlterTableWithAddColumn());
        assertTrue(md.supportsCorrelatedSubqueries());
        assertTrue(md.supportsOuterJoins());
        assertTrue(md.supportsUnionAll());
        assertTrue(md.supportsLikeEscapeClause());
        assertTrue(md.supportsNonNullableColumns());
        assertTrue(md.supportsColumnAliasing());
        assertFalse(md.supportsStoredProcedures());
        assertFalse(md.supportsSchemasInTableDefinitions());
    }

    @Test
    void resultSetMetaDataAgreesWithSqliteJdbc() throws SQLException {
        String sql = "SELECT p.id, p.code, p.name, c.a, c.b, 1 + 1 AS two FROM parent p "
                + "LEFT JOIN child c ON c.pid = p.id";
        try (Statement a = ours.createStatement(); ResultSet r1 = a.executeQuery(sql);
                Statement b = ref.createStatement(); ResultSet r2 = b.executeQuery(sql)) {
            ResultSetMetaData m1 = r1.getMetaData();
            ResultSetMetaData m2 = r2.getMetaData();
            assertEquals(m2.getColumnCount(), m1.getColumnCount());
            for (int i = 1; i <= m1.getColumnCount(); i++) {
                assertEquals(m2.getColumnLabel(i), m1.getColumnLabel(i));
                assertEquals(m2.getTableName(i), m1.getTableName(i));
                assertEquals(m2.getColumnTypeName(i), m1.getColumnTypeName(i), "type name of " + i);
                assertEquals(m2.getColumnType(i), m1.getColumnType(i), "type of " + i);
            }
            assertEquals("parent", m1.getTableName(2), "table of p.code");
            assertEquals("code", m1.getColumnName(2));
            assertEquals(ResultSetMetaData.columnNoNulls, m1.isNullable(2));
            assertEquals(ResultSetMetaData.columnNullable, m1.isNullable(3));
            assertTrue(m1.isAutoIncrement(1));
            assertFalse(m1.isAutoIncrement(2));
            assertEquals("two", m1.getColumnLabel(6));
            assertEquals("", m1.getTableName(6));
        }
    }
}
