package dev.panamax.sql.parser;

import dev.panamax.api.DbException;
import dev.panamax.api.ResultCode;

/**
 * A statement SQLite's parser would refuse, with SQLite's message ({@code near "X": syntax error},
 * {@code incomplete input}, {@code unrecognized token: "X"}, or one of the checks parse.y makes while parsing) and
 * the offset of the token it was raised at.
 */
public final class ParseException extends DbException {
    private static final long serialVersionUID = 1L;

    private final int offset;

    ParseException(String message, int offset) {
        super(ResultCode.ERROR, message);
        this.offset = offset;
    }

    /** The char offset in the SQL text of the token the error was raised at. */
    public int offset() {
        return offset;
    }
}
