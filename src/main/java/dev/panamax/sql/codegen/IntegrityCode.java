package dev.panamax.sql.codegen;

import dev.panamax.vdbe.ResultShape;

final class IntegrityCode {
    private IntegrityCode() {
    }

    static ResultShape code(Parse p, Pragmas.Def def, String schema, String value) {
        return ResultShape.NONE;
    }
}
