package dev.panamax.jdbc;

import java.sql.SQLException;

/** Opens engine connections for the driver: the database a URL names, with a connection's settings. */
interface Engine {
    /** Opens a connection to the database {@code url} names; fails with SQLState 08001 when it cannot. */
    EngineConnection open(JdbcUrl url, ConnectionConfig config) throws SQLException;
}
