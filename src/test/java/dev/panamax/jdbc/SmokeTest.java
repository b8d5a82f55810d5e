package dev.panamax.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @BeforeAll
    static void engine() {
        EngineFixture.install(new ApiEngine());
    }

    @Test
    void helloWorld() throws Exception {
        try (Connection c = EngineFixture.memory(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE users (id INT, username TEXT)");
            assertEquals(1, s.executeUpdate("INSERT INTO users VALUES (1, 'alice')"));
            assertEquals(1, s.executeUpdate("INSERT INTO users VALUES (2, 'bob')"));
            try (ResultSet rs = s.executeQuery("SELECT * FROM users ORDER BY id")) {
                StringBuilder sb = new StringBuilder();
                while (rs.next()) {
                    sb.append(rs.getInt(1)).append('|').append(rs.getString("username")).append('\n');
                }
                assertEquals("1|alice\n2|bob\n", sb.toString());
            }
        }
    }
}
