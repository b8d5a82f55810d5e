package dev.panamax.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.panamax.api.ResultCode;
import dev.panamax.sql.ast.ColumnConstraint;
import dev.panamax.sql.ast.Expr;
import dev.panamax.sql.ast.Name;
import dev.panamax.sql.ast.Select;
import dev.panamax.sql.ast.Stmt;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What the syntax tree records, for the layers that read it, and the parser's entry points. */
class ParserTest {
    private static Stmt stmt(String sql) {
        return Parser.parse(sql).statement();
    }

    private static Select.Query query(String sql) {
        return (Select.Query) ((Select) stmt(sql)).first();
    }

    private static Expr firstColumn(String sql) {
        return ((Select.ExprColumn) query(sql).columns().getFirst()).expr();
    }

    @Test
    void resultColumnsAreNamedBySourceSpanAsSqliteNamesThem() {
        Select.Query q = query("SELECT a+1, count( * ) , x AS y, 1 -- note\n FROM t");
        List<String> spans = q.columns().stream().map(c -> ((Select.ExprColumn) c).span()).toList();
        assertEquals(List.of("a+1", "count( * )", "x", "1 -- note"), spans);
        assertEquals("y", ((Select.ExprColumn) q.columns().get(2)).alias().text());
    }

    @Test
    void parametersAreNumberedLikeSqlite() {
        Parsed p = Parser.parse("SELECT ?, ?5, :a, @b, :a, ?");
        Select.Query q = (Select.Query) ((Select) p.statement()).first();
        int[] indexes = q.columns().stream()
                .mapToInt(c -> ((Expr.Param) ((Select.ExprColumn) c).expr()).index()).toArray();
        assertEquals("[1, 5, 6, 7, 6, 8]", Arrays.toString(indexes));
        assertEquals(8, p.parameterCount());
        assertEquals(Arrays.asList(null, null, null, null, "?5", ":a", "@b", null), p.parameterNames());
    }

    @Test
    void namesKeepTheirQuotingAndOffsets() {
        String sql = "SELECT \"Col\" FROM [my table] AS `t`";
        Select.Query q = query(sql);
        Name col = ((Expr.ColumnRef) ((Select.ExprColumn) q.columns().getFirst()).expr()).column();
        assertEquals("Col", col.text());
        assertEquals(Name.Quote.DOUBLE, col.quote());
        assertEquals("\"Col\"", col.text(sql));
        Select.Table t = (Select.Table) q.from().first();
        assertEquals("my table", t.name().name().text());
        assertEquals(Name.Quote.BRACKET, t.name().name().quote());
        assertEquals(Name.Quote.BACKTICK, t.alias().quote());
        assertEquals("[my table] AS `t`", t.text(sql));
    }

    @Test
    void numbersKeepTheirText() {
        assertEquals("0x1F", ((Expr.NumberLit) firstColumn("SELECT 0x1F")).text());
        Expr.NumberLit real = (Expr.NumberLit) firstColumn("SELECT 1.5e3");
        assertEquals("1.5e3", real.text());
        assertFalse(real.integer());
        assertEquals("1000000", ((Expr.NumberLit) firstColumn("SELECT 1_000_000")).text());
    }

    @Test
    void operatorsFollowSqlitePrecedence() {
        Expr.Binary add = (Expr.Binary) firstColumn("SELECT 1 + 2 * 3");
        assertEquals(Expr.BinaryOp.ADD, add.op());
        assertEquals(Expr.BinaryOp.MUL, ((Expr.Binary) add.right()).op());
        Expr.Unary not = (Expr.Unary) firstColumn("SELECT NOT a = b");
        assertEquals(Expr.BinaryOp.EQ, ((Expr.Binary) not.operand()).op());
        assertInstanceOf(Expr.Unary.class, ((Expr.Collate) firstColumn("SELECT -a COLLATE nocase")).operand());
        Expr.Binary and = (Expr.Binary) firstColumn("SELECT a BETWEEN b AND c AND d");
        assertInstanceOf(Expr.Between.class, and.left());
        assertInstanceOf(Expr.NullTest.class, firstColumn("SELECT x IS NULL"));
        Expr.Binary isNot = (Expr.Binary) firstColumn("SELECT x IS DISTINCT FROM y");
        assertEquals(Expr.BinaryOp.IS_NOT, isNot.op());
        assertEquals(Expr.BinaryOp.PTR2, ((Expr.Binary) firstColumn("SELECT j ->> '$.a'")).op());
    }

    @Test
    void limitWithCommaIsOffsetThenLimit() {
        Select s = (Select) stmt("SELECT 1 LIMIT 5, 10");
        assertEquals("10", ((Expr.NumberLit) s.limit().limit()).text());
        assertEquals("5", ((Expr.NumberLit) s.limit().offset()).text());
    }

    @Test
    void columnDefinitionsKeepTypeAndDefaultText() {
        String sql = "CREATE TABLE t(a VARCHAR ( 10 ) DEFAULT -1.5, b DEFAULT ( abs(-1) ), c DEFAULT abc,"
                + " d DEFAULT true, e INT GENERATED ALWAYS AS (a * 2) STORED)";
        Stmt.CreateTable t = (Stmt.CreateTable) stmt(sql);
        assertEquals("VARCHAR ( 10 )", t.columns().get(0).type().text());
        ColumnConstraint.Default d0 = (ColumnConstraint.Default) t.columns().get(0).constraints().getFirst();
        assertEquals("-1.5", d0.text());
        ColumnConstraint.Default d1 = (ColumnConstraint.Default) t.columns().get(1).constraints().getFirst();
        assertEquals("abs(-1)", d1.text());
        ColumnConstraint.Default d2 = (ColumnConstraint.Default) t.columns().get(2).constraints().getFirst();
        assertEquals("abc", ((Expr.StringLit) d2.value()).value());
        ColumnConstraint.Default d3 = (ColumnConstraint.Default) t.columns().get(3).constraints().getFirst();
        assertTrue(((Expr.BoolLit) d3.value()).value());
        assertEquals("INT", t.columns().get(4).type().text());
        ColumnConstraint.Generated g = (ColumnConstraint.Generated) t.columns().get(4).constraints().getFirst();
        assertEquals("STORED", g.storage().text());
        assertEquals("e INT GENERATED ALWAYS AS (a * 2) STORED", t.columns().get(4).text(sql));
    }

    @Test
    void virtualTableArgumentsAreRawText() {
        Stmt.CreateVirtualTable v = (Stmt.CreateVirtualTable) stmt(
                "CREATE VIRTUAL TABLE f USING fts5(a,  b , tokenize = 'porter' , x(y, (z)), , ;)");
        assertEquals(List.of("a", "b", "tokenize = 'porter'", "x(y, (z))", ";"), v.arguments());
    }

    @Test
    void tursoExtensionsParse() {
        assertEquals(Stmt.TransactionMode.CONCURRENT, ((Stmt.Begin) stmt("BEGIN CONCURRENT")).mode());
        Stmt.CreateIndex i = (Stmt.CreateIndex) stmt(
                "CREATE INDEX fi ON docs USING fts (title, body) WITH (tokenizer = 'ngram', min_gram = 2)");
        assertEquals("fts", i.using().text());
        assertEquals(2, i.parameters().size());
        assertEquals("min_gram", i.parameters().get(1).key().text());
    }

    @Test
    void triggerBodyHoldsItsSteps() {
        Stmt.CreateTrigger t = (Stmt.CreateTrigger) stmt("CREATE TRIGGER r AFTER UPDATE OF a ON t BEGIN"
                + " INSERT INTO l VALUES (new.a); DELETE FROM l WHERE x = old.a; END");
        assertEquals(Stmt.TriggerTime.AFTER, t.time());
        assertEquals("a", t.updateOf().getFirst().text());
        assertEquals(2, t.body().size());
        assertInstanceOf(Stmt.Delete.class, t.body().get(1));
    }

    @Test
    void errorsCarrySqliteTextCodeAndOffset() {
        ParseException near = assertThrows(ParseException.class, () -> Parser.parse("SELECT 1 FROM WHERE x"));
        assertEquals("near \"WHERE\": syntax error", near.getMessage());
        assertEquals(ResultCode.ERROR, near.code());
        assertEquals(14, near.offset());
        assertEquals("incomplete input", assertThrows(ParseException.class,
                () -> Parser.parse("SELECT (1")).getMessage());
        assertEquals("unrecognized token: \"'abc\"", assertThrows(ParseException.class,
                () -> Parser.parse("SELECT 'abc")).getMessage());
        assertEquals("near \"FROM\": syntax error", assertThrows(ParseException.class,
                () -> Parser.parse("SELECT cast FROM t")).getMessage());
    }

    @Test
    void firstStatementOnlyWithTail() {
        String sql = " ; SELECT 1; SELECT 2 garbage garbage";
        Parsed p = Parser.parse(sql);
        assertInstanceOf(Select.class, p.statement());
        assertEquals(" SELECT 2 garbage garbage", sql.substring(p.tail()));
        assertNull(Parser.parse("  -- nothing\n ;; ").statement());
        assertEquals(3, Parser.parseAll("SELECT 1; CREATE TABLE t(a); DROP TABLE t").size());
    }

    @Test
    void iterateYieldsStatementsBeforeTheBadOne() {
        java.util.Iterator<Parsed> it = Parser.iterate("SELECT 1; SELECT 2; SELECT FROM; SELECT 3");
        assertInstanceOf(Select.class, it.next().statement());
        Parsed second = it.next();
        assertEquals(19, second.tail());
        assertEquals("near \"FROM\": syntax error", assertThrows(ParseException.class, it::next).getMessage());
        assertFalse(Parser.iterate(" ; -- only a comment").hasNext());
    }

    @Test
    void legacySchemaAcceptsCollateInColumnLists() {
        String sql = "CREATE TABLE t(a, FOREIGN KEY(a COLLATE nocase) REFERENCES p)";
        assertEquals("syntax error after column name \"a\"",
                assertThrows(ParseException.class, () -> Parser.parse(sql)).getMessage());
        assertNotNull(Parser.parseSchema(sql).statement());
    }

    @Test
    void deepNestingIsAnErrorNotACrash() throws Exception {
        String deep = "SELECT " + "(".repeat(100_000) + "1" + ")".repeat(100_000);
        assertEquals("Recursion limit", assertThrows(ParseException.class, () -> Parser.parse(deep)).getMessage());
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        String nested = "SELECT " + "(".repeat(2000) + "1" + ")".repeat(2000);
        Thread small = new Thread(null, () -> {
            try {
                Parser.parse(nested);
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "small-stack", 64 * 1024);
        small.start();
        small.join();
        assertTrue(thrown.get() == null || thrown.get() instanceof ParseException, String.valueOf(thrown.get()));
    }

    @Test
    void randomTextNeverEscapesAsAnythingButParseException() {
        java.util.Random random = new java.util.Random(42);
        String alphabet = "SELECT FROM WHERE ( ) , ; ' \" [ ] ` x'0' 1 2.5e 0x _ $ : @ # ? - -- /* */ * + || -> . a b"
                + " \u00e9 \u0000 \n CASE WHEN THEN END OVER FILTER WINDOW CREATE TABLE TRIGGER BEGIN";
        String[] pieces = alphabet.split(" ");
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(25);
            for (int k = 0; k < n; k++) {
                b.append(pieces[random.nextInt(pieces.length)]);
                if (random.nextBoolean()) {
                    b.append(' ');
                }
            }
            String sql = b.toString();
            try {
                for (Parsed p : Parser.parseAll(sql)) {
                    Parser.parse(dev.panamax.sql.ast.SqlPrinter.print(p.statement()));
                }
            } catch (ParseException expected) {
                assertEquals(ResultCode.ERROR, expected.code(), sql);
            }
            SqlScripts.split(sql);
            SqlScripts.complete(sql);
        }
    }

    @Test
    void completeMatchesSqlite3Complete() {
        assertTrue(SqlScripts.complete("SELECT 1;"));
        assertTrue(SqlScripts.complete("SELECT 1; -- done"));
        assertFalse(SqlScripts.complete("SELECT 1"));
        assertFalse(SqlScripts.complete("SELECT 'a;"));
        assertFalse(SqlScripts.complete("CREATE TRIGGER r AFTER INSERT ON t BEGIN SELECT 1;"));
        assertTrue(SqlScripts.complete("CREATE TRIGGER r AFTER INSERT ON t BEGIN SELECT 1; END;"));
        assertTrue(SqlScripts.complete("CREATE TEMP TRIGGER r AFTER INSERT ON t BEGIN SELECT 1; END  ;"));
        assertTrue(SqlScripts.complete("EXPLAIN CREATE TRIGGER r AFTER INSERT ON t BEGIN SELECT 1; END;"));
        assertFalse(SqlScripts.complete("SELECT 1; /* open"));
    }

    @Test
    void splitKeepsTriggerBodiesWhole() {
        String script = "CREATE TABLE t(a);\nCREATE TRIGGER r AFTER INSERT ON t BEGIN SELECT 1; SELECT ';'; END;"
                + " ;; SELECT 2";
        List<String> parts = SqlScripts.split(script).stream().map(s -> s.text(script)).toList();
        assertEquals(List.of("CREATE TABLE t(a);",
                "CREATE TRIGGER r AFTER INSERT ON t BEGIN SELECT 1; SELECT ';'; END;", "SELECT 2"), parts);
    }

    @Test
    void roundTripComparisonSeesADifference() {
        Stmt a = stmt("SELECT a FROM t");
        Stmt b = stmt("SELECT  a  FROM  t");
        Stmt c = stmt("SELECT b FROM t");
        assertNull(RoundTripTest.difference(a, b, "s"));
        assertNotNull(RoundTripTest.difference(a, c, "s"));
    }
}
