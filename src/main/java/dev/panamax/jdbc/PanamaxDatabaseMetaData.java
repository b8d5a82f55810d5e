package dev.panamax.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The catalog half of {@link java.sql.DatabaseMetaData}: tables, columns, keys, indexes and types, read from the
 * schema through {@link SchemaReader} and returned as in-memory result sets with the columns and row order JDBC
 * prescribes.
 *
 * <p>SQLite has no catalogs and its schemas ({@code main}, {@code temp}, attached databases) are not SQL schemas:
 * TABLE_CAT and TABLE_SCHEM are null, {@code getCatalogs} and {@code getSchemas} are empty, and catalog and schema
 * arguments are ignored, as in sqlite-jdbc. Tables of the connection's temp schema have type LOCAL TEMPORARY;
 * {@code sqlite_}-prefixed tables are SYSTEM TABLEs. An INTEGER PRIMARY KEY column (the rowid alias) reports
 * IS_AUTOINCREMENT YES, with or without the AUTOINCREMENT keyword: SQLite assigns its values either way.
 */
final class PanamaxDatabaseMetaData extends MetaDataFacts {
    private final Connection conn;
    private final String url;
    private final DateConfig dates;
    private final SchemaReader schema;
    private String version;

    PanamaxDatabaseMetaData(Connection conn, String url, DateConfig dates) {
        this.conn = conn;
        this.url = url;
        this.dates = dates;
        this.schema = new SchemaReader(conn);
    }

    @Override
    public Connection getConnection() {
        return conn;
    }

    @Override
    public String getURL() {
        return url;
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return conn.isReadOnly();
    }

    @Override
    public String getDatabaseProductVersion() throws SQLException {
        if (version == null) {
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT sqlite_version()")) {
                version = rs.next() ? rs.getString(1) : "";
            }
        }
        return version;
    }

    // ---- result building ----

    /** A column spec "NAME:t" with t = s (String), i (int), h (short), b (boolean), l (long). */
    private ListResultSet result(List<Object[]> rows, String... specs) {
        List<ResultColumn> cols = new ArrayList<>(specs.length);
        for (String spec : specs) {
            int colon = spec.indexOf(':');
            String name = spec.substring(0, colon);
            cols.add(switch (spec.charAt(colon + 1)) {
                case 'i' -> ResultColumn.fixed(name, Types.INTEGER, "INTEGER");
                case 'h' -> ResultColumn.fixed(name, Types.SMALLINT, "SMALLINT");
                case 'b' -> ResultColumn.fixed(name, Types.BOOLEAN, "BOOLEAN");
                case 'l' -> ResultColumn.fixed(name, Types.BIGINT, "BIGINT");
                default -> ResultColumn.fixed(name, Types.VARCHAR, "TEXT");
            });
        }
        return new ListResultSet(null, cols, rows, dates);
    }

    private ListResultSet empty(String... specs) {
        return result(new ArrayList<>(), specs);
    }

    private List<SchemaReader.Table> tables(String pattern) throws SQLException {
        List<SchemaReader.Table> out = new ArrayList<>();
        for (SchemaReader.Table t : schema.tables()) {
            if (SchemaReader.matches(pattern, t.name())) {
                out.add(t);
            }
        }
        return out;
    }

    private static String tableType(SchemaReader.Table t) {
        if (t.isSystem()) {
            return "SYSTEM TABLE";
        } else if (t.temp()) {
            return "LOCAL TEMPORARY";
        }
        return t.isView() ? "VIEW" : "TABLE";
    }

    // ---- tables and columns ----

    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (SchemaReader.Table t : tables(tableNamePattern)) {
            String type = tableType(t);
            if (types == null || List.of(types).stream().anyMatch(type::equalsIgnoreCase)) {
                rows.add(new Object[] {null, null, t.name(), type, null, null, null, null, null, null});
            }
        }
        rows.sort(Comparator.comparing((Object[] r) -> (String) r[3]).thenComparing(r -> (String) r[2]));
        return result(rows, "TABLE_CAT:s", "TABLE_SCHEM:s", "TABLE_NAME:s", "TABLE_TYPE:s", "REMARKS:s",
                "TYPE_CAT:s", "TYPE_SCHEM:s", "TYPE_NAME:s", "SELF_REFERENCING_COL_NAME:s", "REF_GENERATION:s");
    }

    @Override
    public ResultSet getTableTypes() {
        List<Object[]> rows = new ArrayList<>();
        for (String t : List.of("LOCAL TEMPORARY", "SYSTEM TABLE", "TABLE", "VIEW")) {
            rows.add(new Object[] {t});
        }
        return result(rows, "TABLE_TYPE:s");
    }

    @Override
    public ResultSet getSchemas() {
        return empty("TABLE_SCHEM:s", "TABLE_CATALOG:s");
    }

    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern) {
        return getSchemas();
    }

    @Override
    public ResultSet getCatalogs() {
        return empty("TABLE_CAT:s");
    }

    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern,
            String columnNamePattern) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        List<SchemaReader.Table> tables = tables(tableNamePattern);
        tables.sort(Comparator.comparing(SchemaReader.Table::name));
        for (SchemaReader.Table t : tables) {
            List<SchemaReader.Column> cols = schema.columns(t);
            int position = 0;
            for (SchemaReader.Column c : cols) {
                if (c.hidden() == 1) {
                    continue;
                }
                position++;
                if (SchemaReader.matches(columnNamePattern, c.name())) {
                    rows.add(columnRow(t, c, cols, position));
                }
            }
        }
        return result(rows, "TABLE_CAT:s", "TABLE_SCHEM:s", "TABLE_NAME:s", "COLUMN_NAME:s", "DATA_TYPE:i",
                "TYPE_NAME:s", "COLUMN_SIZE:i", "BUFFER_LENGTH:i", "DECIMAL_DIGITS:i", "NUM_PREC_RADIX:i",
                "NULLABLE:i", "REMARKS:s", "COLUMN_DEF:s", "SQL_DATA_TYPE:i", "SQL_DATETIME_SUB:i",
                "CHAR_OCTET_LENGTH:i", "ORDINAL_POSITION:i", "IS_NULLABLE:s", "SCOPE_CATALOG:s", "SCOPE_SCHEMA:s",
                "SCOPE_TABLE:s", "SOURCE_DATA_TYPE:h", "IS_AUTOINCREMENT:s", "IS_GENERATEDCOLUMN:s");
    }

    private static Object[] columnRow(SchemaReader.Table t, SchemaReader.Column c, List<SchemaReader.Column> all,
            int position) {
        int type = SqlTypes.jdbcType(c.declType());
        boolean autoIncrement = SchemaReader.isRowidAlias(t, c, all);
        Integer size = columnSize(c.declType(), type);
        Integer digits = SqlTypes.isNumeric(type) ? SqlTypes.scale(c.declType()) : null;
        boolean character = type == Types.VARCHAR || type == Types.CHAR || type == Types.NVARCHAR
                || type == Types.NCHAR || type == Types.CLOB;
        Integer octets = character ? (size == SqlTypes.MAX_LENGTH ? size : size * 4) : null;
        return new Object[] {null, null, t.name(), c.name(), type, SqlTypes.baseName(c.declType()), size, null,
            digits, 10, c.notNull() ? columnNoNulls : columnNullable, null, c.defaultValue(), null, null, octets,
            position, c.notNull() ? "NO" : "YES", null, null, null, null, autoIncrement ? "YES" : "NO",
            c.isGenerated() ? "YES" : "NO"};
    }

    /** The declared size, else the natural precision of the type, else SQLite's maximum length. */
    static int columnSize(String declType, int jdbcType) {
        int declared = SqlTypes.precision(declType);
        if (declared > 0) {
            return declared;
        }
        return switch (jdbcType) {
            case Types.INTEGER, Types.BIGINT -> 19;
            case Types.SMALLINT -> 5;
            case Types.TINYINT -> 3;
            case Types.BOOLEAN, Types.BIT -> 1;
            case Types.REAL, Types.DOUBLE, Types.FLOAT -> 15;
            case Types.DATE -> 10;
            case Types.TIME -> 12;
            case Types.TIMESTAMP -> 23;
            default -> SqlTypes.MAX_LENGTH;
        };
    }

    // ---- keys ----

    @Override
    public ResultSet getPrimaryKeys(String catalog, String schemaName, String table) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        SchemaReader.Table t = table == null ? null : schema.table(table);
        if (t != null && !t.isView()) {
            for (SchemaReader.Column c : schema.primaryKey(t)) {
                rows.add(new Object[] {null, null, t.name(), c.name(), (short) c.pk(), null});
            }
        }
        rows.sort(Comparator.comparing(r -> (String) r[3]));
        return result(rows, "TABLE_CAT:s", "TABLE_SCHEM:s", "TABLE_NAME:s", "COLUMN_NAME:s", "KEY_SEQ:h",
                "PK_NAME:s");
    }

    @Override
    public ResultSet getImportedKeys(String catalog, String schemaName, String table) throws SQLException {
        SchemaReader.Table t = table == null ? null : schema.table(table);
        List<Object[]> rows = t == null ? new ArrayList<>() : foreignKeyRows(t, null);
        rows.sort(Comparator.comparing((Object[] r) -> (String) r[2]).thenComparing(r -> (Short) r[8]));
        return keyResult(rows);
    }

    @Override
    public ResultSet getExportedKeys(String catalog, String schemaName, String table) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        if (table != null) {
            for (SchemaReader.Table t : schema.tables()) {
                if (!t.isView()) {
                    rows.addAll(foreignKeyRows(t, table));
                }
            }
        }
        rows.sort(Comparator.comparing((Object[] r) -> (String) r[6]).thenComparing(r -> (Short) r[8]));
        return keyResult(rows);
    }

    @Override
    public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable,
            String foreignCatalog, String foreignSchema, String foreignTable) throws SQLException {
        SchemaReader.Table t = foreignTable == null ? null : schema.table(foreignTable);
        List<Object[]> rows = t == null || parentTable == null ? new ArrayList<>() : foreignKeyRows(t, parentTable);
        rows.sort(Comparator.comparing((Object[] r) -> (String) r[6]).thenComparing(r -> (Short) r[8]));
        return keyResult(rows);
    }

    /** The key rows of {@code child}'s foreign keys, only those referencing {@code parent} when it is not null. */
    private List<Object[]> foreignKeyRows(SchemaReader.Table child, String parent) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (SchemaReader.ForeignKey fk : schema.foreignKeys(child)) {
            if (parent != null && !fk.table().equalsIgnoreCase(parent)) {
                continue;
            }
            SchemaReader.Table p = schema.table(fk.table());
            String parentName = p != null ? p.name() : fk.table();
            String to = fk.to();
            if (to == null && p != null) {
                List<SchemaReader.Column> pk = schema.primaryKey(p);
                to = fk.seq() < pk.size() ? pk.get(fk.seq()).name() : null;
            }
            rows.add(new Object[] {null, null, parentName, to, null, null, child.name(), fk.from(),
                (short) (fk.seq() + 1), rule(fk.onUpdate()), rule(fk.onDelete()), null, null,
                (short) importedKeyNotDeferrable});
        }
        return rows;
    }

    private static short rule(String action) {
        return (short) switch (action == null ? "" : action.toUpperCase(Locale.ROOT)) {
            case "CASCADE" -> importedKeyCascade;
            case "SET NULL" -> importedKeySetNull;
            case "SET DEFAULT" -> importedKeySetDefault;
            case "RESTRICT" -> importedKeyRestrict;
            default -> importedKeyNoAction;
        };
    }

    private ListResultSet keyResult(List<Object[]> rows) {
        return result(rows, "PKTABLE_CAT:s", "PKTABLE_SCHEM:s", "PKTABLE_NAME:s", "PKCOLUMN_NAME:s", "FKTABLE_CAT:s",
                "FKTABLE_SCHEM:s", "FKTABLE_NAME:s", "FKCOLUMN_NAME:s", "KEY_SEQ:h", "UPDATE_RULE:h",
                "DELETE_RULE:h", "FK_NAME:s", "PK_NAME:s", "DEFERRABILITY:h");
    }

    // ---- indexes ----

    @Override
    public ResultSet getIndexInfo(String catalog, String schemaName, String table, boolean unique,
            boolean approximate) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        SchemaReader.Table t = table == null ? null : schema.table(table);
        if (t != null && !t.isView()) {
            for (SchemaReader.Index index : schema.indexes(t)) {
                if (unique && !index.unique()) {
                    continue;
                }
                String filter = index.partial() ? whereClause(index.sql()) : null;
                for (SchemaReader.IndexColumn c : schema.indexColumns(t, index)) {
                    if (c.key()) {
                        rows.add(new Object[] {null, null, t.name(), !index.unique(), null, index.name(),
                            (short) tableIndexOther, (short) (c.seqno() + 1), c.name(), c.desc() ? "D" : "A",
                            0L, 0L, filter});
                    }
                }
            }
        }
        rows.sort(Comparator.comparing((Object[] r) -> (Boolean) r[3]).thenComparing(r -> (String) r[5])
                .thenComparing(r -> (Short) r[7]));
        return result(rows, "TABLE_CAT:s", "TABLE_SCHEM:s", "TABLE_NAME:s", "NON_UNIQUE:b", "INDEX_QUALIFIER:s",
                "INDEX_NAME:s", "TYPE:h", "ORDINAL_POSITION:h", "COLUMN_NAME:s", "ASC_OR_DESC:s", "CARDINALITY:l",
                "PAGES:l", "FILTER_CONDITION:s");
    }

    /** The WHERE clause of a partial index's CREATE INDEX text (after its column list). */
    static String whereClause(String sql) {
        if (sql == null) {
            return null;
        }
        int depth = 0;
        boolean seenColumns = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`' || c == '[') {
                char close = c == '[' ? ']' : c;
                int end = sql.indexOf(close, i + 1);
                i = end < 0 ? sql.length() : end;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                seenColumns |= depth == 0;
            } else if (seenColumns && depth == 0 && sql.regionMatches(true, i, "WHERE", 0, 5)
                    && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)))) {
                return sql.substring(i + 5).strip();
            }
        }
        return null;
    }

    // ---- types ----

    @Override
    public ResultSet getTypeInfo() {
        List<Object[]> rows = new ArrayList<>();
        Object[][] types = {
            {"BIT", Types.BIT, 1}, {"TINYINT", Types.TINYINT, 3}, {"BIGINT", Types.BIGINT, 19},
            {"VARBINARY", Types.VARBINARY, SqlTypes.MAX_LENGTH}, {"BINARY", Types.BINARY, SqlTypes.MAX_LENGTH},
            {"CHAR", Types.CHAR, SqlTypes.MAX_LENGTH}, {"NUMERIC", Types.NUMERIC, 15},
            {"DECIMAL", Types.DECIMAL, 15}, {"INTEGER", Types.INTEGER, 19}, {"SMALLINT", Types.SMALLINT, 5},
            {"FLOAT", Types.FLOAT, 15}, {"REAL", Types.REAL, 15}, {"DOUBLE", Types.DOUBLE, 15},
            {"VARCHAR", Types.VARCHAR, SqlTypes.MAX_LENGTH}, {"TEXT", Types.VARCHAR, SqlTypes.MAX_LENGTH},
            {"BOOLEAN", Types.BOOLEAN, 1}, {"DATE", Types.DATE, 10}, {"TIME", Types.TIME, 12},
            {"TIMESTAMP", Types.TIMESTAMP, 23}, {"DATETIME", Types.TIMESTAMP, 23},
            {"BLOB", Types.BLOB, SqlTypes.MAX_LENGTH}, {"CLOB", Types.CLOB, SqlTypes.MAX_LENGTH}};
        for (Object[] t : types) {
            int type = (Integer) t[1];
            boolean text = type == Types.VARCHAR || type == Types.CHAR || type == Types.CLOB;
            boolean sized = text || type == Types.VARBINARY || type == Types.BINARY;
            boolean decimal = type == Types.NUMERIC || type == Types.DECIMAL;
            boolean temporal = type == Types.DATE || type == Types.TIME || type == Types.TIMESTAMP;
            String prefix = text || temporal ? "'" : sized || type == Types.BLOB ? "X'" : null;
            rows.add(new Object[] {t[0], type, t[2], prefix, prefix == null ? null : "'",
                sized ? "length" : decimal ? "precision,scale" : null, (short) typeNullable, text,
                (short) typeSearchable, !SqlTypes.isNumeric(type), false, type == Types.INTEGER, t[0], (short) 0,
                (short) (decimal ? 15 : 0), null, null, 10});
        }
        rows.sort(Comparator.comparing(r -> (Integer) r[1]));
        return result(rows, "TYPE_NAME:s", "DATA_TYPE:i", "PRECISION:i", "LITERAL_PREFIX:s", "LITERAL_SUFFIX:s",
                "CREATE_PARAMS:s", "NULLABLE:h", "CASE_SENSITIVE:b", "SEARCHABLE:h", "UNSIGNED_ATTRIBUTE:b",
                "FIXED_PREC_SCALE:b", "AUTO_INCREMENT:b", "LOCAL_TYPE_NAME:s", "MINIMUM_SCALE:h", "MAXIMUM_SCALE:h",
                "SQL_DATA_TYPE:i", "SQL_DATETIME_SUB:i", "NUM_PREC_RADIX:i");
    }

    @Override
    public ResultSet getBestRowIdentifier(String catalog, String schemaName, String table, int scope,
            boolean nullable) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        SchemaReader.Table t = table == null ? null : schema.table(table);
        if (t != null && !t.isView()) {
            List<SchemaReader.Column> pk = schema.primaryKey(t);
            for (SchemaReader.Column c : pk) {
                int type = SqlTypes.jdbcType(c.declType());
                rows.add(new Object[] {(short) bestRowSession, c.name(), type, SqlTypes.baseName(c.declType()),
                    columnSize(c.declType(), type), null, (short) SqlTypes.scale(c.declType()),
                    (short) bestRowNotPseudo});
            }
            if (pk.isEmpty() && !t.isWithoutRowid()) {
                rows.add(new Object[] {(short) bestRowSession, "rowid", Types.BIGINT, "INTEGER", 19, null,
                    (short) 0, (short) bestRowPseudo});
            }
        }
        return result(rows, "SCOPE:h", "COLUMN_NAME:s", "DATA_TYPE:i", "TYPE_NAME:s", "COLUMN_SIZE:i",
                "BUFFER_LENGTH:i", "DECIMAL_DIGITS:h", "PSEUDO_COLUMN:h");
    }

    /** Facts about a table column for result set metadata; null when there is no such table column. */
    PanamaxResultSetMetaData.ColumnFacts columnFacts(String table, String column) throws SQLException {
        SchemaReader.Table t = schema.table(table);
        if (t == null) {
            return null;
        }
        List<SchemaReader.Column> cols = schema.columns(t);
        for (SchemaReader.Column c : cols) {
            if (c.name().equalsIgnoreCase(column)) {
                return new PanamaxResultSetMetaData.ColumnFacts(c.notNull(), SchemaReader.isRowidAlias(t, c, cols));
            }
        }
        return null;
    }

    // ---- what SQLite does not have: empty answers with JDBC's columns ----

    @Override
    public ResultSet getVersionColumns(String catalog, String schemaName, String table) {
        return empty("SCOPE:h", "COLUMN_NAME:s", "DATA_TYPE:i", "TYPE_NAME:s", "COLUMN_SIZE:i", "BUFFER_LENGTH:i",
                "DECIMAL_DIGITS:h", "PSEUDO_COLUMN:h");
    }

    @Override
    public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern) {
        return empty("PROCEDURE_CAT:s", "PROCEDURE_SCHEM:s", "PROCEDURE_NAME:s", "RESERVED1:s", "RESERVED2:s",
                "RESERVED3:s", "REMARKS:s", "PROCEDURE_TYPE:h", "SPECIFIC_NAME:s");
    }

    @Override
    public ResultSet getProcedureColumns(String catalog, String schemaPattern, String procedureNamePattern,
            String columnNamePattern) {
        return empty("PROCEDURE_CAT:s", "PROCEDURE_SCHEM:s", "PROCEDURE_NAME:s", "COLUMN_NAME:s", "COLUMN_TYPE:h",
                "DATA_TYPE:i", "TYPE_NAME:s", "PRECISION:i", "LENGTH:i", "SCALE:h", "RADIX:h", "NULLABLE:h",
                "REMARKS:s", "COLUMN_DEF:s", "SQL_DATA_TYPE:i", "SQL_DATETIME_SUB:i", "CHAR_OCTET_LENGTH:i",
                "ORDINAL_POSITION:i", "IS_NULLABLE:s", "SPECIFIC_NAME:s");
    }

    @Override
    public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern) {
        return empty("FUNCTION_CAT:s", "FUNCTION_SCHEM:s", "FUNCTION_NAME:s", "REMARKS:s", "FUNCTION_TYPE:h",
                "SPECIFIC_NAME:s");
    }

    @Override
    public ResultSet getFunctionColumns(String catalog, String schemaPattern, String functionNamePattern,
            String columnNamePattern) {
        return empty("FUNCTION_CAT:s", "FUNCTION_SCHEM:s", "FUNCTION_NAME:s", "COLUMN_NAME:s", "COLUMN_TYPE:h",
                "DATA_TYPE:i", "TYPE_NAME:s", "PRECISION:i", "LENGTH:i", "SCALE:h", "RADIX:h", "NULLABLE:h",
                "REMARKS:s", "CHAR_OCTET_LENGTH:i", "ORDINAL_POSITION:i", "IS_NULLABLE:s", "SPECIFIC_NAME:s");
    }

    @Override
    public ResultSet getColumnPrivileges(String catalog, String schemaName, String table, String columnNamePattern) {
        return empty("TABLE_CAT:s", "TABLE_SCHEM:s", "TABLE_NAME:s", "COLUMN_NAME:s", "GRANTOR:s", "GRANTEE:s",
                "PRIVILEGE:s", "IS_GRANTABLE:s");
    }

    @Override
    public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern) {
        return empty("TABLE_CAT:s", "TABLE_SCHEM:s", "TABLE_NAME:s", "GRANTOR:s", "GRANTEE:s", "PRIVILEGE:s",
                "IS_GRANTABLE:s");
    }

    @Override
    public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern, int[] types) {
        return empty("TYPE_CAT:s", "TYPE_SCHEM:s", "TYPE_NAME:s", "CLASS_NAME:s", "DATA_TYPE:i", "REMARKS:s",
                "BASE_TYPE:h");
    }

    @Override
    public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern) {
        return empty("TYPE_CAT:s", "TYPE_SCHEM:s", "TYPE_NAME:s", "SUPERTYPE_CAT:s", "SUPERTYPE_SCHEM:s",
                "SUPERTYPE_NAME:s");
    }

    @Override
    public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern) {
        return empty("TABLE_CAT:s", "TABLE_SCHEM:s", "TABLE_NAME:s", "SUPERTABLE_NAME:s");
    }

    @Override
    public ResultSet getAttributes(String catalog, String schemaPattern, String typeNamePattern,
            String attributeNamePattern) {
        return empty("TYPE_CAT:s", "TYPE_SCHEM:s", "TYPE_NAME:s", "ATTR_NAME:s", "DATA_TYPE:i", "ATTR_TYPE_NAME:s",
                "ATTR_SIZE:i", "DECIMAL_DIGITS:i", "NUM_PREC_RADIX:i", "NULLABLE:i", "REMARKS:s", "ATTR_DEF:s",
                "SQL_DATA_TYPE:i", "SQL_DATETIME_SUB:i", "CHAR_OCTET_LENGTH:i", "ORDINAL_POSITION:i",
                "IS_NULLABLE:s", "SCOPE_CATALOG:s", "SCOPE_SCHEMA:s", "SCOPE_TABLE:s", "SOURCE_DATA_TYPE:h");
    }

    @Override
    public ResultSet getClientInfoProperties() {
        return empty("NAME:s", "MAX_LEN:i", "DEFAULT_VALUE:s", "DESCRIPTION:s");
    }

    @Override
    public ResultSet getPseudoColumns(String catalog, String schemaPattern, String tableNamePattern,
            String columnNamePattern) {
        return empty("TABLE_CAT:s", "TABLE_SCHEM:s", "TABLE_NAME:s", "COLUMN_NAME:s", "DATA_TYPE:i",
                "COLUMN_SIZE:i", "DECIMAL_DIGITS:i", "NUM_PREC_RADIX:i", "COLUMN_USAGE:s", "REMARKS:s",
                "CHAR_OCTET_LENGTH:i", "IS_NULLABLE:s");
    }
}
