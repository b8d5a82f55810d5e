package dev.panamax.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The JDBC driver for {@code jdbc:panamax:} URLs (see {@link JdbcUrl} for their forms and
 * {@link ConnectionConfig} for the properties). Registered with {@link DriverManager} when the class loads, which
 * {@code META-INF/services/java.sql.Driver} triggers.
 */
public final class PanamaxDriver implements Driver {
    static final String NAME = "Panamax JDBC";
    static final int MAJOR_VERSION = 0;
    static final int MINOR_VERSION = 1;
    static final String VERSION = MAJOR_VERSION + "." + MINOR_VERSION;

    private static volatile Engine engine = new ApiEngine();

    static {
        try {
            DriverManager.registerDriver(new PanamaxDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The engine connections come from: Panamax's api, or in tests the SQLite reference engine. */
    static Engine engine() {
        return engine;
    }

    /** Sets the engine and returns the one it replaces. */
    static Engine useEngine(Engine e) {
        Engine old = engine;
        engine = e;
        return old;
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        return open(url, info);
    }

    static PanamaxConnection open(String url, Properties info) throws SQLException {
        JdbcUrl parsed = JdbcUrl.parse(url);
        ConnectionConfig config = ConnectionConfig.of(parsed, info);
        EngineConnection ec = engine().open(parsed, config);
        try {
            return new PanamaxConnection(ec, url, config);
        } catch (SQLException | RuntimeException e) {
            ec.close();
            throw e;
        }
    }

    @Override
    public boolean acceptsURL(String url) {
        return JdbcUrl.accepts(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return ConnectionConfig.propertyInfo(info);
    }

    @Override
    public int getMajorVersion() {
        return MAJOR_VERSION;
    }

    @Override
    public int getMinorVersion() {
        return MINOR_VERSION;
    }

    /** False: JDBC compliance requires SQL-92 Entry Level, which SQLite's dialect does not fully give. */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw SqlErrors.notSupported("java.util.logging");
    }
}
