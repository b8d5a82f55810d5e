/**
 * The JDBC 4.3 driver: an adapter over {@code dev.panamax.api}, nothing below it.
 *
 * <p>Entry points: {@link dev.panamax.jdbc.PanamaxDriver} (registered through
 * {@code META-INF/services/java.sql.Driver}) for {@code jdbc:panamax:PATH}, {@code jdbc:panamax::memory:} and
 * SQLite's {@code file:} URI form, and {@link dev.panamax.jdbc.PanamaxDataSource}. Everything else is
 * package-private; applications see the {@code java.sql} interfaces.
 *
 * <p>Where JDBC leaves room the driver does what the xerial sqlite-jdbc driver does, since that is what SQLite users
 * know: the same property names ({@code busy_timeout}, {@code date_class}, {@code foreign_keys}...), INTEGER epoch
 * milliseconds for {@code setTimestamp}, {@code getObject} returning Integer/Long/Double/String/byte[], type names
 * as declared, the product name "SQLite". Where sqlite-jdbc is wrong or missing something the driver follows JDBC:
 * every statement of a multi-statement {@code execute} runs; DDL reports 0 rows; dates read back from every form
 * SQLite's date functions accept (see {@code DateTimes}); DatabaseMetaData answers cross references, unique-only
 * index info, FK deferrability and generated columns correctly.
 *
 * <p>Layout: {@code PanamaxConnection}, {@code PanamaxStatement} and {@code PanamaxPreparedStatement} reach the
 * engine through the two narrow interfaces {@code EngineConnection} and {@code EngineStatement} (SQLite's
 * {@code sqlite3} and {@code sqlite3_stmt} as far as JDBC needs them). {@code ApiEngine} implements them over
 * {@code dev.panamax.api}; the tests implement them a second time over real SQLite, so every JDBC behaviour test
 * runs on both and a difference points at the engine or at the driver. Result sets read rows through the getters
 * of {@code AbstractResultSet}; DatabaseMetaData reads the schema with SQL ({@code SchemaReader}: sqlite_schema and
 * the table_xinfo, index_list, index_xinfo and foreign_key_list PRAGMAs). Errors become {@code SQLException}s in
 * {@code SqlErrors}: SQLite's message, the extended result code as vendor code, the SQLState by class.
 *
 * <p>Invariants: every call that reaches the engine holds the JDBC connection's lock (pools may share a connection
 * between threads); a result set that has run out, or is closed, has reset its engine statement, so it holds no
 * database lock; misuse (a closed object, a bad index, a getter off a row) raises an {@code SQLException} before
 * anything reaches the engine.
 */
package dev.panamax.jdbc;
