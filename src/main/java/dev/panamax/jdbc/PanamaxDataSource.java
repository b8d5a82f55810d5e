package dev.panamax.jdbc;

import java.io.PrintWriter;
import java.io.Serial;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} for Panamax databases: a URL ({@code jdbc:panamax:...}) plus connection properties, set
 * with bean setters so pools and containers can configure it. User and password are accepted and ignored (an
 * embedded database has no accounts).
 *
 * <pre>
 *   PanamaxDataSource ds = new PanamaxDataSource();
 *   ds.setUrl("jdbc:panamax:app.db");
 *   ds.setProperty("foreign_keys", "on");
 *   try (Connection c = ds.getConnection()) { ... }
 * </pre>
 */
public final class PanamaxDataSource implements DataSource, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private String url = JdbcUrl.PREFIX + ":memory:";
    private final Properties properties = new Properties();
    private int loginTimeoutSeconds;
    private transient PrintWriter logWriter;

    public PanamaxDataSource() {
    }

    public PanamaxDataSource(String url) {
        setUrl(url);
    }

    public String getUrl() {
        return url;
    }

    /** The database URL, {@code jdbc:panamax:PATH} or another form {@link PanamaxDriver} accepts. */
    public void setUrl(String url) {
        if (!JdbcUrl.accepts(url)) {
            throw new IllegalArgumentException("not a Panamax URL (jdbc:panamax:PATH): " + url);
        }
        this.url = url;
    }

    /** Sets the URL to the database file at {@code path}. */
    public void setDatabasePath(String path) {
        this.url = JdbcUrl.PREFIX + path;
    }

    /** Sets one connection property ({@code busy_timeout}, {@code foreign_keys}, {@code mode}, ...). */
    public void setProperty(String name, String value) {
        properties.setProperty(name, value);
    }

    public void setReadOnly(boolean readOnly) {
        properties.setProperty("mode", readOnly ? "ro" : "rwc");
    }

    public void setBusyTimeoutMillis(long millis) {
        properties.setProperty("busy_timeout", Long.toString(millis));
    }

    public void setForeignKeys(boolean on) {
        properties.setProperty("foreign_keys", on ? "on" : "off");
    }

    public void setJournalMode(String mode) {
        properties.setProperty("journal_mode", mode);
    }

    /** A copy of the connection properties. */
    public Properties getProperties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return PanamaxDriver.open(url, properties);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw SqlErrors.notSupported("java.util.logging");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface.getName(), "HY000");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
