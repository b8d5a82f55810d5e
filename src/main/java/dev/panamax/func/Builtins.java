package dev.panamax.func;

import static dev.panamax.func.FunctionDef.ANY_ORDER;
import static dev.panamax.func.FunctionDef.BYTELEN;
import static dev.panamax.func.FunctionDef.COUNT;
import static dev.panamax.func.FunctionDef.DETERMINISTIC;
import static dev.panamax.func.FunctionDef.INLINE;
import static dev.panamax.func.FunctionDef.INNOCUOUS;
import static dev.panamax.func.FunctionDef.LENGTH;
import static dev.panamax.func.FunctionDef.MINMAX;
import static dev.panamax.func.FunctionDef.NEEDS_COLLATION;
import static dev.panamax.func.FunctionDef.SLOW_CHANGE;
import static dev.panamax.func.FunctionDef.TYPEOF;
import static dev.panamax.func.FunctionDef.UNLIKELY;
import static dev.panamax.func.FunctionDef.WINDOW;

import java.util.ArrayList;
import java.util.List;

/**
 * The table of SQLite's built-in functions (func.c sqlite3RegisterBuiltinFunctions, with the math functions of
 * SQLITE_ENABLE_MATH_FUNCTIONS), with SQLite's arities and flags.
 */
final class Builtins {
    /** Deterministic, safe for schemas: SQLite's FUNCTION(). */
    private static final int PURE = DETERMINISTIC | INNOCUOUS;

    private Builtins() {
    }

    static List<FunctionDef> all() {
        List<FunctionDef> f = new ArrayList<>();
        core(f);
        text(f);
        math(f);
        aggregates(f);
        return f;
    }

    private static void core(List<FunctionDef> f) {
        f.add(FunctionDef.scalar("abs", 1, PURE, CoreFunctions::abs));
        f.add(FunctionDef.variadic("coalesce", 2, PURE | INLINE, CoreFunctions::coalesce));
        f.add(FunctionDef.scalar("ifnull", 2, PURE | INLINE, CoreFunctions::coalesce));
        f.add(FunctionDef.variadic("iif", 2, PURE | INLINE, CoreFunctions::iif));
        f.add(FunctionDef.variadic("if", 2, PURE | INLINE, CoreFunctions::iif));
        f.add(FunctionDef.scalar("likely", 1, PURE | INLINE | UNLIKELY, CoreFunctions::first));
        f.add(FunctionDef.scalar("unlikely", 1, PURE | INLINE | UNLIKELY, CoreFunctions::first));
        f.add(FunctionDef.scalar("likelihood", 2, PURE | INLINE | UNLIKELY, CoreFunctions::first));
        f.add(FunctionDef.scalar("nullif", 2, PURE | NEEDS_COLLATION, CoreFunctions::nullif));
        f.add(FunctionDef.variadic("min", 1, PURE | NEEDS_COLLATION, CoreFunctions::min));
        f.add(FunctionDef.variadic("max", 1, PURE | NEEDS_COLLATION, CoreFunctions::max));
        f.add(FunctionDef.scalar("typeof", 1, PURE | TYPEOF, CoreFunctions::typeOf));
        f.add(FunctionDef.scalar("sign", 1, PURE, CoreFunctions::sign));
        f.add(FunctionDef.scalar("round", 1, PURE, CoreFunctions::round));
        f.add(FunctionDef.scalar("round", 2, PURE, CoreFunctions::round));
        f.add(FunctionDef.scalar("random", 0, 0, CoreFunctions::random));
        f.add(FunctionDef.scalar("randomblob", 1, 0, CoreFunctions::randomBlob));
        f.add(FunctionDef.scalar("zeroblob", 1, PURE, CoreFunctions::zeroBlob));
        f.add(FunctionDef.scalar("last_insert_rowid", 0, 0, CoreFunctions::lastInsertRowid));
        f.add(FunctionDef.scalar("changes", 0, 0, CoreFunctions::changes));
        f.add(FunctionDef.scalar("total_changes", 0, 0, CoreFunctions::totalChanges));
        f.add(FunctionDef.scalar("sqlite_version", 0, SLOW_CHANGE | INNOCUOUS, CoreFunctions::sqliteVersion));
    }

    private static void text(List<FunctionDef> f) {
        f.add(FunctionDef.scalar("length", 1, PURE | LENGTH, TextFunctions::length));
        f.add(FunctionDef.scalar("octet_length", 1, PURE | BYTELEN, TextFunctions::octetLength));
        f.add(FunctionDef.scalar("instr", 2, PURE, TextFunctions::instr));
        f.add(FunctionDef.variadic("printf", 0, PURE, TextFunctions::printf));
        f.add(FunctionDef.variadic("format", 0, PURE, TextFunctions::printf));
        f.add(FunctionDef.scalar("unicode", 1, PURE, TextFunctions::unicode));
        f.add(FunctionDef.variadic("char", 0, PURE, TextFunctions::chars));
        f.add(FunctionDef.scalar("upper", 1, PURE, TextFunctions::upper));
        f.add(FunctionDef.scalar("lower", 1, PURE, TextFunctions::lower));
        f.add(FunctionDef.scalar("hex", 1, PURE, TextFunctions::hex));
        f.add(FunctionDef.scalar("unhex", 1, PURE, TextFunctions::unhex));
        f.add(FunctionDef.scalar("unhex", 2, PURE, TextFunctions::unhex));
        f.add(FunctionDef.variadic("concat", 1, PURE, TextFunctions::concat));
        f.add(FunctionDef.variadic("concat_ws", 2, PURE, TextFunctions::concatWs));
        f.add(FunctionDef.scalar("quote", 1, PURE, TextFunctions::quote));
        f.add(FunctionDef.scalar("replace", 3, PURE, TextFunctions::replace));
        for (String name : new String[] {"substr", "substring"}) {
            f.add(FunctionDef.scalar(name, 2, PURE, TextFunctions::substr));
            f.add(FunctionDef.scalar(name, 3, PURE, TextFunctions::substr));
        }
        String[] trims = {"ltrim", "rtrim", "trim"};
        for (int k = 0; k < 3; k++) {
            f.add(FunctionDef.scalar(trims[k], 1, PURE, TextFunctions.trim(k + 1)));
            f.add(FunctionDef.scalar(trims[k], 2, PURE, TextFunctions.trim(k + 1)));
        }
        f.add(PatternMatch.globFunction());
        f.add(PatternMatch.likeFunction(2, false));
        f.add(PatternMatch.likeFunction(3, false));
    }

    private static void math(List<FunctionDef> f) {
        f.add(FunctionDef.scalar("ceil", 1, PURE, MathFunctions.rounding(Math::ceil)));
        f.add(FunctionDef.scalar("ceiling", 1, PURE, MathFunctions.rounding(Math::ceil)));
        f.add(FunctionDef.scalar("floor", 1, PURE, MathFunctions.rounding(Math::floor)));
        f.add(FunctionDef.scalar("trunc", 1, PURE, MathFunctions.rounding(x -> x < 0 ? Math.ceil(x) : Math.floor(x))));
        f.add(FunctionDef.scalar("ln", 1, PURE, MathFunctions.log(0)));
        f.add(FunctionDef.scalar("log", 1, PURE, MathFunctions.log(10)));
        f.add(FunctionDef.scalar("log10", 1, PURE, MathFunctions.log(10)));
        f.add(FunctionDef.scalar("log2", 1, PURE, MathFunctions.log(2)));
        f.add(FunctionDef.scalar("log", 2, PURE, MathFunctions::logBase));
        f.add(FunctionDef.scalar("exp", 1, PURE, MathFunctions.unary(Math::exp)));
        f.add(FunctionDef.scalar("pow", 2, PURE, MathFunctions.binary(MathFunctions::pow)));
        f.add(FunctionDef.scalar("power", 2, PURE, MathFunctions.binary(MathFunctions::pow)));
        f.add(FunctionDef.scalar("mod", 2, PURE, MathFunctions.binary(MathFunctions::fmod)));
        f.add(FunctionDef.scalar("acos", 1, PURE, MathFunctions.unary(Math::acos)));
        f.add(FunctionDef.scalar("asin", 1, PURE, MathFunctions.unary(Math::asin)));
        f.add(FunctionDef.scalar("atan", 1, PURE, MathFunctions.unary(Math::atan)));
        f.add(FunctionDef.scalar("atan2", 2, PURE, MathFunctions.binary(Math::atan2)));
        f.add(FunctionDef.scalar("cos", 1, PURE, MathFunctions.unary(Math::cos)));
        f.add(FunctionDef.scalar("sin", 1, PURE, MathFunctions.unary(Math::sin)));
        f.add(FunctionDef.scalar("tan", 1, PURE, MathFunctions.unary(Math::tan)));
        f.add(FunctionDef.scalar("cosh", 1, PURE, MathFunctions.unary(MathFunctions::cosh)));
        f.add(FunctionDef.scalar("sinh", 1, PURE, MathFunctions.unary(MathFunctions::sinh)));
        f.add(FunctionDef.scalar("tanh", 1, PURE, MathFunctions.unary(StrictMath::tanh)));
        f.add(FunctionDef.scalar("acosh", 1, PURE, MathFunctions.unary(MathFunctions::acosh)));
        f.add(FunctionDef.scalar("asinh", 1, PURE, MathFunctions.unary(MathFunctions::asinh)));
        f.add(FunctionDef.scalar("atanh", 1, PURE, MathFunctions.unary(MathFunctions::atanh)));
        f.add(FunctionDef.scalar("sqrt", 1, PURE, MathFunctions.unary(Math::sqrt)));
        f.add(FunctionDef.scalar("radians", 1, PURE, MathFunctions.unary(MathFunctions::radians)));
        f.add(FunctionDef.scalar("degrees", 1, PURE, MathFunctions.unary(MathFunctions::degrees)));
        f.add(FunctionDef.scalar("pi", 0, PURE, MathFunctions::pi));
    }

    private static void aggregates(List<FunctionDef> f) {
        f.add(FunctionDef.aggregate("count", 0, PURE | WINDOW | COUNT | ANY_ORDER, AggregateFunctions.Count::new));
        f.add(FunctionDef.aggregate("count", 1, PURE | WINDOW | ANY_ORDER, AggregateFunctions.Count::new));
        f.add(FunctionDef.aggregate("sum", 1, PURE | WINDOW,
                () -> new AggregateFunctions.Sum(AggregateFunctions.Sum.SUM)));
        f.add(FunctionDef.aggregate("total", 1, PURE | WINDOW,
                () -> new AggregateFunctions.Sum(AggregateFunctions.Sum.TOTAL)));
        f.add(FunctionDef.aggregate("avg", 1, PURE | WINDOW,
                () -> new AggregateFunctions.Sum(AggregateFunctions.Sum.AVG)));
        f.add(FunctionDef.aggregate("min", 1, PURE | NEEDS_COLLATION | MINMAX | ANY_ORDER,
                () -> new AggregateFunctions.MinMax(false)));
        f.add(FunctionDef.aggregate("max", 1, PURE | NEEDS_COLLATION | MINMAX | ANY_ORDER,
                () -> new AggregateFunctions.MinMax(true)));
        f.add(FunctionDef.aggregate("group_concat", 1, PURE | WINDOW, AggregateFunctions.GroupConcat::new));
        f.add(FunctionDef.aggregate("group_concat", 2, PURE | WINDOW, AggregateFunctions.GroupConcat::new));
        f.add(FunctionDef.aggregate("string_agg", 2, PURE | WINDOW, AggregateFunctions.GroupConcat::new));
    }
}
