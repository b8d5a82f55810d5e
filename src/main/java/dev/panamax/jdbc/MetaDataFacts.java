package dev.panamax.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;

/**
 * The fixed answers of {@link DatabaseMetaData}: what SQLite's dialect supports, its limits (limits.html, default
 * compile-time values) and its names. Separate from the catalog queries in {@link PanamaxDatabaseMetaData} because
 * it is only constants.
 *
 * <p>The product name is "SQLite": Panamax speaks SQLite's dialect, and tools and ORMs (Hibernate, jOOQ, database
 * browsers) choose their SQL dialect by this name. The driver name says Panamax.
 */
abstract class MetaDataFacts implements DatabaseMetaData {
    static final String PRODUCT_NAME = "SQLite";
    /** SQLITE_MAX_COLUMN. */
    static final int MAX_COLUMNS = 2000;
    /** SQLITE_MAX_SQL_LENGTH. */
    static final int MAX_SQL_LENGTH = 1_000_000_000;
    /** Tables in one join (SQLite's bitmask width). */
    static final int MAX_TABLES_IN_JOIN = 64;

    /** SQLite's keywords that are not SQL:2003 keywords (lang_keywords.html). */
    static final String KEYWORDS = "ABORT,ACTION,AFTER,ANALYZE,ATTACH,AUTOINCREMENT,BEFORE,CASCADE,CONFLICT,"
            + "DATABASE,DEFERRABLE,DEFERRED,DESC,DETACH,DO,EXCLUDE,EXCLUSIVE,EXPLAIN,FAIL,FILTER,FIRST,FOLLOWING,"
            + "GENERATED,GLOB,GROUPS,IGNORE,INDEX,INDEXED,INITIALLY,INSTEAD,ISNULL,KEY,LAST,LIMIT,MATERIALIZED,"
            + "NOTHING,NOTNULL,NULLS,OFFSET,OTHERS,PLAN,PRAGMA,PRECEDING,QUERY,RAISE,RECURSIVE,REGEXP,REINDEX,"
            + "RENAME,REPLACE,RESTRICT,RETURNING,ROWID,STRICT,TEMP,TEMPORARY,TIES,TRANSACTION,UNBOUNDED,VACUUM,VIEW,"
            + "VIRTUAL,WITHOUT";
    static final String NUMERIC_FUNCTIONS = "ABS,ACOS,ACOSH,ASIN,ASINH,ATAN,ATAN2,ATANH,CEIL,CEILING,COS,COSH,"
            + "DEGREES,EXP,FLOOR,LN,LOG,LOG10,LOG2,MAX,MIN,MOD,PI,POW,POWER,RADIANS,RANDOM,ROUND,SIGN,SIN,SINH,SQRT,"
            + "TAN,TANH,TRUNC";
    static final String STRING_FUNCTIONS = "CHAR,CONCAT,CONCAT_WS,FORMAT,GLOB,HEX,INSTR,LENGTH,LIKE,LOWER,LTRIM,"
            + "OCTET_LENGTH,PRINTF,QUOTE,REPLACE,RTRIM,SOUNDEX,SUBSTR,SUBSTRING,TRIM,UNHEX,UNICODE,UPPER";
    static final String SYSTEM_FUNCTIONS = "CHANGES,COALESCE,IFNULL,IIF,LAST_INSERT_ROWID,NULLIF,SQLITE_VERSION,"
            + "TOTAL_CHANGES,TYPEOF";
    static final String TIME_DATE_FUNCTIONS = "DATE,DATETIME,JULIANDAY,STRFTIME,TIME,TIMEDIFF,UNIXEPOCH";

    @Override
    public abstract Connection getConnection() throws SQLException;

    /** SQLite's version string this engine matches, such as "3.53.4". */
    @Override
    public abstract String getDatabaseProductVersion() throws SQLException;

    @Override
    public final int getDatabaseMajorVersion() throws SQLException {
        return versionPart(0);
    }

    @Override
    public final int getDatabaseMinorVersion() throws SQLException {
        return versionPart(1);
    }

    private int versionPart(int i) throws SQLException {
        String[] parts = getDatabaseProductVersion().split("\\.");
        try {
            return i < parts.length ? Integer.parseInt(parts[i]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public final <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface.getName(), "HY000");
    }

    @Override
    public final boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    @Override
    public final boolean allProceduresAreCallable() {
        return false;
    }

    @Override
    public final boolean allTablesAreSelectable() {
        return true;
    }

    @Override
    public final boolean autoCommitFailureClosesAllResultSets() {
        return false;
    }

    @Override
    public final boolean dataDefinitionCausesTransactionCommit() {
        return false;
    }

    @Override
    public final boolean dataDefinitionIgnoredInTransactions() {
        return false;
    }

    @Override
    public final boolean deletesAreDetected(int type) {
        return false;
    }

    @Override
    public final boolean doesMaxRowSizeIncludeBlobs() {
        return true;
    }

    @Override
    public final boolean generatedKeyAlwaysReturned() {
        return true;
    }

    @Override
    public final boolean insertsAreDetected(int type) {
        return false;
    }

    @Override
    public final boolean isCatalogAtStart() {
        return true;
    }

    @Override
    public final boolean locatorsUpdateCopy() {
        return false;
    }

    @Override
    public final boolean nullPlusNonNullIsNull() {
        return true;
    }

    @Override
    public final boolean nullsAreSortedAtEnd() {
        return false;
    }

    @Override
    public final boolean nullsAreSortedAtStart() {
        return false;
    }

    @Override
    public final boolean nullsAreSortedHigh() {
        return false;
    }

    @Override
    public final boolean nullsAreSortedLow() {
        return true;
    }

    @Override
    public final boolean othersDeletesAreVisible(int type) {
        return false;
    }

    @Override
    public final boolean othersInsertsAreVisible(int type) {
        return false;
    }

    @Override
    public final boolean othersUpdatesAreVisible(int type) {
        return false;
    }

    @Override
    public final boolean ownDeletesAreVisible(int type) {
        return false;
    }

    @Override
    public final boolean ownInsertsAreVisible(int type) {
        return false;
    }

    @Override
    public final boolean ownUpdatesAreVisible(int type) {
        return false;
    }

    @Override
    public final boolean storesLowerCaseIdentifiers() {
        return false;
    }

    @Override
    public final boolean storesLowerCaseQuotedIdentifiers() {
        return false;
    }

    @Override
    public final boolean storesMixedCaseIdentifiers() {
        return true;
    }

    @Override
    public final boolean storesMixedCaseQuotedIdentifiers() {
        return true;
    }

    @Override
    public final boolean storesUpperCaseIdentifiers() {
        return false;
    }

    @Override
    public final boolean storesUpperCaseQuotedIdentifiers() {
        return false;
    }

    @Override
    public final boolean supportsANSI92EntryLevelSQL() {
        return false;
    }

    @Override
    public final boolean supportsANSI92FullSQL() {
        return false;
    }

    @Override
    public final boolean supportsANSI92IntermediateSQL() {
        return false;
    }

    @Override
    public final boolean supportsAlterTableWithAddColumn() {
        return true;
    }

    @Override
    public final boolean supportsAlterTableWithDropColumn() {
        return true;
    }

    @Override
    public final boolean supportsBatchUpdates() {
        return true;
    }

    @Override
    public final boolean supportsCatalogsInDataManipulation() {
        return false;
    }

    @Override
    public final boolean supportsCatalogsInIndexDefinitions() {
        return false;
    }

    @Override
    public final boolean supportsCatalogsInPrivilegeDefinitions() {
        return false;
    }

    @Override
    public final boolean supportsCatalogsInProcedureCalls() {
        return false;
    }

    @Override
    public final boolean supportsCatalogsInTableDefinitions() {
        return false;
    }

    @Override
    public final boolean supportsColumnAliasing() {
        return true;
    }

    @Override
    public final boolean supportsConvert() {
        return false;
    }

    @Override
    public final boolean supportsConvert(int fromType, int toType) {
        return false;
    }

    @Override
    public final boolean supportsCoreSQLGrammar() {
        return true;
    }

    @Override
    public final boolean supportsCorrelatedSubqueries() {
        return true;
    }

    @Override
    public final boolean supportsDataDefinitionAndDataManipulationTransactions() {
        return true;
    }

    @Override
    public final boolean supportsDataManipulationTransactionsOnly() {
        return false;
    }

    @Override
    public final boolean supportsDifferentTableCorrelationNames() {
        return false;
    }

    @Override
    public final boolean supportsExpressionsInOrderBy() {
        return true;
    }

    @Override
    public final boolean supportsExtendedSQLGrammar() {
        return false;
    }

    @Override
    public final boolean supportsFullOuterJoins() {
        return true;
    }

    @Override
    public final boolean supportsGetGeneratedKeys() {
        return true;
    }

    @Override
    public final boolean supportsGroupBy() {
        return true;
    }

    @Override
    public final boolean supportsGroupByBeyondSelect() {
        return true;
    }

    @Override
    public final boolean supportsGroupByUnrelated() {
        return true;
    }

    @Override
    public final boolean supportsIntegrityEnhancementFacility() {
        return false;
    }

    @Override
    public final boolean supportsLikeEscapeClause() {
        return true;
    }

    @Override
    public final boolean supportsLimitedOuterJoins() {
        return true;
    }

    @Override
    public final boolean supportsMinimumSQLGrammar() {
        return true;
    }

    @Override
    public final boolean supportsMixedCaseIdentifiers() {
        return false;
    }

    @Override
    public final boolean supportsMixedCaseQuotedIdentifiers() {
        return false;
    }

    @Override
    public final boolean supportsMultipleOpenResults() {
        return false;
    }

    @Override
    public final boolean supportsMultipleResultSets() {
        return true;
    }

    @Override
    public final boolean supportsMultipleTransactions() {
        return true;
    }

    @Override
    public final boolean supportsNamedParameters() {
        return false;
    }

    @Override
    public final boolean supportsNonNullableColumns() {
        return true;
    }

    @Override
    public final boolean supportsOpenCursorsAcrossCommit() {
        return false;
    }

    @Override
    public final boolean supportsOpenCursorsAcrossRollback() {
        return false;
    }

    @Override
    public final boolean supportsOpenStatementsAcrossCommit() {
        return true;
    }

    @Override
    public final boolean supportsOpenStatementsAcrossRollback() {
        return true;
    }

    @Override
    public final boolean supportsOrderByUnrelated() {
        return true;
    }

    @Override
    public final boolean supportsOuterJoins() {
        return true;
    }

    @Override
    public final boolean supportsPositionedDelete() {
        return false;
    }

    @Override
    public final boolean supportsPositionedUpdate() {
        return false;
    }

    @Override
    public final boolean supportsResultSetConcurrency(int type, int concurrency) {
        return type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public final boolean supportsResultSetHoldability(int holdability) {
        return holdability == ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public final boolean supportsResultSetType(int type) {
        return type == ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public final boolean supportsSavepoints() {
        return true;
    }

    @Override
    public final boolean supportsSchemasInDataManipulation() {
        return false;
    }

    @Override
    public final boolean supportsSchemasInIndexDefinitions() {
        return false;
    }

    @Override
    public final boolean supportsSchemasInPrivilegeDefinitions() {
        return false;
    }

    @Override
    public final boolean supportsSchemasInProcedureCalls() {
        return false;
    }

    @Override
    public final boolean supportsSchemasInTableDefinitions() {
        return false;
    }

    @Override
    public final boolean supportsSelectForUpdate() {
        return false;
    }

    @Override
    public final boolean supportsStatementPooling() {
        return false;
    }

    @Override
    public final boolean supportsStoredFunctionsUsingCallSyntax() {
        return false;
    }

    @Override
    public final boolean supportsStoredProcedures() {
        return false;
    }

    @Override
    public final boolean supportsSubqueriesInComparisons() {
        return true;
    }

    @Override
    public final boolean supportsSubqueriesInExists() {
        return true;
    }

    @Override
    public final boolean supportsSubqueriesInIns() {
        return true;
    }

    @Override
    public final boolean supportsSubqueriesInQuantifieds() {
        return false;
    }

    @Override
    public final boolean supportsTableCorrelationNames() {
        return true;
    }

    @Override
    public final boolean supportsTransactionIsolationLevel(int level) {
        return level == Connection.TRANSACTION_SERIALIZABLE || level == Connection.TRANSACTION_REPEATABLE_READ
                || level == Connection.TRANSACTION_READ_COMMITTED || level == Connection.TRANSACTION_READ_UNCOMMITTED;
    }

    @Override
    public final boolean supportsTransactions() {
        return true;
    }

    @Override
    public final boolean supportsUnion() {
        return true;
    }

    @Override
    public final boolean supportsUnionAll() {
        return true;
    }

    @Override
    public final boolean updatesAreDetected(int type) {
        return false;
    }

    @Override
    public final boolean usesLocalFilePerTable() {
        return false;
    }

    @Override
    public final boolean usesLocalFiles() {
        return true;
    }

    @Override
    public final String getCatalogSeparator() {
        return ".";
    }

    @Override
    public final String getCatalogTerm() {
        return "catalog";
    }

    @Override
    public final String getDatabaseProductName() {
        return PRODUCT_NAME;
    }

    @Override
    public final String getDriverName() {
        return PanamaxDriver.NAME;
    }

    @Override
    public final String getDriverVersion() {
        return PanamaxDriver.VERSION;
    }

    @Override
    public final String getExtraNameCharacters() {
        return "";
    }

    @Override
    public final String getIdentifierQuoteString() {
        return "\"";
    }

    @Override
    public final String getNumericFunctions() {
        return NUMERIC_FUNCTIONS;
    }

    @Override
    public final String getProcedureTerm() {
        return "procedure";
    }

    @Override
    public final String getSQLKeywords() {
        return KEYWORDS;
    }

    @Override
    public final String getSchemaTerm() {
        return "schema";
    }

    @Override
    public final String getSearchStringEscape() {
        return "\\";
    }

    @Override
    public final String getStringFunctions() {
        return STRING_FUNCTIONS;
    }

    @Override
    public final String getSystemFunctions() {
        return SYSTEM_FUNCTIONS;
    }

    @Override
    public final String getTimeDateFunctions() {
        return TIME_DATE_FUNCTIONS;
    }

    @Override
    public final String getUserName() {
        return null;
    }

    @Override
    public final int getDefaultTransactionIsolation() {
        return Connection.TRANSACTION_SERIALIZABLE;
    }

    @Override
    public final int getDriverMajorVersion() {
        return PanamaxDriver.MAJOR_VERSION;
    }

    @Override
    public final int getDriverMinorVersion() {
        return PanamaxDriver.MINOR_VERSION;
    }

    @Override
    public final int getJDBCMajorVersion() {
        return 4;
    }

    @Override
    public final int getJDBCMinorVersion() {
        return 3;
    }

    @Override
    public final int getMaxBinaryLiteralLength() {
        return 0;
    }

    @Override
    public final int getMaxCatalogNameLength() {
        return 0;
    }

    @Override
    public final int getMaxCharLiteralLength() {
        return 0;
    }

    @Override
    public final int getMaxColumnNameLength() {
        return 0;
    }

    @Override
    public final int getMaxColumnsInGroupBy() {
        return 0;
    }

    @Override
    public final int getMaxColumnsInIndex() {
        return MAX_COLUMNS;
    }

    @Override
    public final int getMaxColumnsInOrderBy() {
        return MAX_COLUMNS;
    }

    @Override
    public final int getMaxColumnsInSelect() {
        return MAX_COLUMNS;
    }

    @Override
    public final int getMaxColumnsInTable() {
        return MAX_COLUMNS;
    }

    @Override
    public final int getMaxConnections() {
        return 0;
    }

    @Override
    public final int getMaxCursorNameLength() {
        return 0;
    }

    @Override
    public final int getMaxIndexLength() {
        return 0;
    }

    @Override
    public final int getMaxProcedureNameLength() {
        return 0;
    }

    @Override
    public final int getMaxRowSize() {
        return SqlTypes.MAX_LENGTH;
    }

    @Override
    public final int getMaxSchemaNameLength() {
        return 0;
    }

    @Override
    public final int getMaxStatementLength() {
        return MAX_SQL_LENGTH;
    }

    @Override
    public final int getMaxStatements() {
        return 0;
    }

    @Override
    public final int getMaxTableNameLength() {
        return 0;
    }

    @Override
    public final int getMaxTablesInSelect() {
        return MAX_TABLES_IN_JOIN;
    }

    @Override
    public final int getMaxUserNameLength() {
        return 0;
    }

    @Override
    public final int getResultSetHoldability() {
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public final int getSQLStateType() {
        return sqlStateSQL;
    }

    @Override
    public final RowIdLifetime getRowIdLifetime() {
        return RowIdLifetime.ROWID_UNSUPPORTED;
    }

    @Override
    public final long getMaxLogicalLobSize() {
        return SqlTypes.MAX_LENGTH;
    }

}
