/**
 * SQL values with SQLite's exact semantics: the register cell {@link dev.panamax.value.Mem} and everything that reads,
 * converts, orders and prints it. Imports only {@code api.ResultCode}/{@code api.DbException}.
 *
 * <ul>
 *   <li>{@link dev.panamax.value.Mem}: NULL/INTEGER/REAL/TEXT/BLOB with a reusable buffer; {@code intValue},
 *       {@code realValue}, {@code textBytes} read any value as another type without changing it (vdbemem.c);
 *       {@code applyAffinity}, {@code applyNumericAffinity}, {@code cast}, {@code numerify}, {@code realAffinity}
 *       change it in place (vdbe.c applyAffinity, sqlite3VdbeMemCast).</li>
 *   <li>{@link dev.panamax.value.Affinity}: the five affinities plus FLEXNUM, and sqlite3AffinityType.</li>
 *   <li>{@link dev.panamax.value.Arithmetic}: + - * / % &amp; | &lt;&lt; &gt;&gt; ~ unary minus and || (OP_Add ..
 *       OP_Concat); {@link dev.panamax.value.Comparison}: sqlite3MemCompare, comparison affinity, truth.</li>
 *   <li>{@link dev.panamax.value.NumericText}: sqlite3AtoF and sqlite3Atoi64 (util.c);
 *       {@link dev.panamax.value.Printf}: SQLite's printf (printf.c) and REAL-to-text, built on FpDecoder and
 *       FloatDecimal, a port of sqlite3FpDecode's digit generation, so that every digit equals SQLite's.</li>
 *   <li>{@link dev.panamax.value.Collations}, {@link dev.panamax.value.StrAccum}, {@link dev.panamax.value.Utf8}.</li>
 * </ul>
 *
 * <p>Invariants: a Mem never holds a NaN (it becomes NULL); operations never change their operands; the numeric and
 * comparison paths allocate nothing. Behaviour is that of SQLite 3.53.4, checked against sqlite-jdbc.
 */
package dev.panamax.value;
