package dev.panamax.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * jOOQ with {@link SQLDialect#SQLITE} running typed DDL, DML and queries through the driver on Panamax; jOOQ's
 * {@code meta()} reads the schema through the pragma table-valued functions ({@code pragma_index_list}).
 */
class JooqTest {
    static final Table<Record> AUTHOR = table(name("author"));
    static final Field<Integer> AUTHOR_ID = field(name("author", "id"), SQLDataType.INTEGER.identity(true));
    static final Field<String> AUTHOR_NAME = field(name("author", "name"), SQLDataType.VARCHAR(50).nullable(false));
    static final Table<Record> BOOK = table(name("book"));
    static final Field<Integer> BOOK_ID = field(name("book", "id"), SQLDataType.INTEGER.identity(true));
    static final Field<Integer> BOOK_AUTHOR = field(name("book", "author_id"), SQLDataType.INTEGER);
    static final Field<String> TITLE = field(name("book", "title"), SQLDataType.VARCHAR(100).nullable(false));
    static final Field<LocalDate> PUBLISHED = field(name("book", "published"), SQLDataType.LOCALDATE);
    static final Field<BigDecimal> PRICE = field(name("book", "price"), SQLDataType.DECIMAL(8, 2));

    @BeforeAll
    static void engine() {
        EngineFixture.install(new ApiEngine());
    }

    @AfterAll
    static void restore() {
        EngineFixture.restore();
    }

    static DSLContext schema(Connection c) {
        DSLContext dsl = DSL.using(c, SQLDialect.SQLITE);
        dsl.createTable(AUTHOR).column(AUTHOR_ID).column(AUTHOR_NAME)
                .constraints(DSL.primaryKey(AUTHOR_ID)).execute();
        dsl.createTable(BOOK).column(BOOK_ID).column(BOOK_AUTHOR).column(TITLE).column(PUBLISHED).column(PRICE)
                .constraints(DSL.primaryKey(BOOK_ID), DSL.foreignKey(BOOK_AUTHOR).references(AUTHOR, AUTHOR_ID))
                .execute();
        dsl.insertInto(AUTHOR, AUTHOR_NAME).values("Ursula").values("Italo").execute();
        dsl.insertInto(BOOK, BOOK_AUTHOR, TITLE, PUBLISHED, PRICE)
                .values(1, "The Dispossessed", LocalDate.of(1974, 5, 1), new BigDecimal("9.99"))
                .values(1, "The Lathe of Heaven", LocalDate.of(1971, 3, 1), new BigDecimal("7.50"))
                .values(2, "Invisible Cities", LocalDate.of(1972, 11, 1), new BigDecimal("12.00"))
                .execute();
        return dsl;
    }

    @Test
    void typedQueriesJoinsAndAggregates() throws SQLException {
        try (Connection c = EngineFixture.memory()) {
            DSLContext dsl = schema(c);
            Result<Record2<String, LocalDate>> early = dsl.select(TITLE, PUBLISHED).from(BOOK)
                    .where(PUBLISHED.lt(LocalDate.of(1973, 1, 1))).orderBy(PUBLISHED).fetch();
            assertEquals(List.of("The Lathe of Heaven", "Invisible Cities"), early.getValues(TITLE));
            assertEquals(LocalDate.of(1971, 3, 1), early.get(0).value2());
            Map<String, Integer> perAuthor = dsl.select(AUTHOR_NAME, count()).from(AUTHOR)
                    .join(BOOK).on(BOOK_AUTHOR.eq(AUTHOR_ID)).groupBy(AUTHOR_NAME).orderBy(AUTHOR_NAME)
                    .fetchMap(AUTHOR_NAME, count());
            assertEquals(Map.of("Italo", 1, "Ursula", 2), perAuthor);
            BigDecimal total = dsl.select(DSL.sum(PRICE)).from(BOOK).fetchOne(0, BigDecimal.class);
            assertEquals(29.49, total.doubleValue(), 1e-9, "sum() of REALs, as SQLite adds them");
            assertEquals(3, dsl.fetchCount(BOOK));
            assertEquals("Invisible Cities", dsl.select(TITLE).from(BOOK).where(BOOK_ID.eq(3)).fetchOne(TITLE));
        }
    }

    @Test
    void updatesDeletesAndTransactions() throws SQLException {
        try (Connection c = EngineFixture.memory()) {
            DSLContext dsl = schema(c);
            assertEquals(2, dsl.update(BOOK).set(PRICE, PRICE.mul(2)).where(BOOK_AUTHOR.eq(1)).execute());
            assertEquals(new BigDecimal("15.00"),
                    dsl.select(PRICE).from(BOOK).where(BOOK_ID.eq(2)).fetchOne(PRICE).setScale(2));
            assertThrows(IllegalStateException.class, () -> dsl.transaction(cfg -> {
                DSL.using(cfg).deleteFrom(BOOK).execute();
                throw new IllegalStateException("roll it back");
            }));
            assertEquals(3, dsl.fetchCount(BOOK));
            dsl.transaction(cfg -> DSL.using(cfg).deleteFrom(BOOK).where(BOOK_ID.eq(1)).execute());
            assertEquals(2, dsl.fetchCount(BOOK));
            int[] counts = dsl.batch(dsl.insertInto(AUTHOR, AUTHOR_NAME).values((String) null))
                    .bind("Jorge").bind("Clarice").execute();
            assertEquals(2, counts.length);
            assertEquals(List.of("Clarice", "Italo", "Jorge", "Ursula"),
                    dsl.select(AUTHOR_NAME).from(AUTHOR).orderBy(AUTHOR_NAME).fetch(AUTHOR_NAME));
        }
    }

    @Test
    void generatedKeysComeBack() throws SQLException {
        try (Connection c = EngineFixture.memory()) {
            DSLContext dsl = schema(c);
            Record r = dsl.insertInto(AUTHOR, AUTHOR_NAME).values("Octavia").returning(AUTHOR_ID).fetchOne();
            assertEquals(3, r.get(AUTHOR_ID));
        }
    }

    @Test
    void metaReadsTheSchemaThroughDatabaseMetaData() throws SQLException {
        try (Connection c = EngineFixture.memory()) {
            schema(c);
            DSLContext dsl = DSL.using(c, SQLDialect.SQLITE);
            List<String> tables = dsl.meta().getTables().stream().map(Table::getName)
                    .filter(n -> !n.startsWith("sqlite_")).sorted().toList();
            assertEquals(List.of("author", "book"), tables);
            Table<?> book = dsl.meta().getTables("book").get(0);
            assertEquals(List.of("id", "author_id", "title", "published", "price"),
                    List.of(book.fields()).stream().map(Field::getName).toList());
            assertEquals(List.of("id"), book.getPrimaryKey().getFields().stream().map(Field::getName).toList());
        }
    }
}
