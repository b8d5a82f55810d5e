package dev.panamax.sql.parser;

import dev.panamax.sql.ast.Stmt;
import java.util.List;

/**
 * One parsed statement, as {@code sqlite3_prepare} sees it.
 *
 * @param statement the statement, or null when the text held no statement (only spaces, comments, semicolons)
 * @param tail offset just past the statement's terminating semicolon (or the end of input): where the next
 *     statement starts
 * @param parameterCount the largest parameter index used ({@code sqlite3_bind_parameter_count})
 * @param parameterNames the name of each parameter slot, index 0 for slot 1 ({@code ?NNN} and named forms as
 *     written; null for an anonymous {@code ?} or an unused slot), as {@code sqlite3_bind_parameter_name}
 */
public record Parsed(Stmt statement, int tail, int parameterCount, List<String> parameterNames) {
}
