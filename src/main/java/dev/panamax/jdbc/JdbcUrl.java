package dev.panamax.jdbc;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;

/**
 * A parsed {@code jdbc:panamax:} URL: which database it names and the properties its query string carries.
 *
 * <p>The forms, after the prefix:
 * <pre>
 *   (empty) | :memory:                  a private in-memory database
 *   PATH[?k=v&amp;...]                     a file; the query string, if any, gives properties
 *   file:PATH[?k=v&amp;...]                SQLite's URI form (uri.html): %HH escapes, authority empty or "localhost"
 *   file::memory:[?...]                 a private in-memory database
 *   file:NAME?mode=memory[&amp;cache=shared] an in-memory database; with cache=shared, every connection naming
 *                                       NAME shares it (while one is open)
 * </pre>
 * Properties given to {@code connect} override none of the URL's: the URL's query string wins, as in SQLite, where
 * URI parameters override the open flags.
 *
 * @param url the URL as given
 * @param path the database file, or {@code null} for an in-memory database
 * @param sharedMemoryName for a shared in-memory database its name, otherwise {@code null}
 * @param properties the properties of the URL's query string
 */
record JdbcUrl(String url, String path, String sharedMemoryName, Properties properties) {
    static final String PREFIX = "jdbc:panamax:";

    static boolean accepts(String url) {
        return url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    boolean isMemory() {
        return path == null;
    }

    /** Parses {@code url}; fails with SQLState 08001 when the URL is not a Panamax URL or is malformed. */
    static JdbcUrl parse(String url) throws SQLException {
        if (!accepts(url)) {
            throw new SQLException("not a Panamax URL (jdbc:panamax:PATH): " + url, "08001");
        }
        String rest = url.substring(PREFIX.length());
        int q = rest.indexOf('?');
        String location = q < 0 ? rest : rest.substring(0, q);
        Properties props = q < 0 ? new Properties() : query(rest.substring(q + 1), url);
        boolean uri = location.regionMatches(true, 0, "file:", 0, 5);
        if (uri) {
            location = uriPath(location.substring(5), url);
        }
        String mode = props.getProperty("mode", "").toLowerCase(Locale.ROOT);
        if (location.isEmpty() || location.equals(":memory:")) {
            return new JdbcUrl(url, null, null, props);
        }
        if (mode.equals("memory")) {
            boolean shared = "shared".equalsIgnoreCase(props.getProperty("cache"));
            return new JdbcUrl(url, null, shared ? location : null, props);
        }
        return new JdbcUrl(url, location, null, props);
    }

    /** The path of a {@code file:} URI after the scheme: {@code //localhost/p}, {@code ///p} or {@code p}. */
    private static String uriPath(String s, String url) throws SQLException {
        if (s.startsWith("//")) {
            int slash = s.indexOf('/', 2);
            String authority = slash < 0 ? s.substring(2) : s.substring(2, slash);
            if (!authority.isEmpty() && !authority.equalsIgnoreCase("localhost")) {
                throw new SQLException("invalid uri authority: " + authority + " in " + url, "08001");
            }
            s = slash < 0 ? "" : s.substring(slash);
        }
        int hash = s.indexOf('#');
        if (hash >= 0) {
            s = s.substring(0, hash);
        }
        return decode(s, url);
    }

    private static Properties query(String query, String url) throws SQLException {
        Properties p = new Properties();
        int hash = query.indexOf('#');
        if (hash >= 0) {
            query = query.substring(0, hash);
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq), url);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), url);
            p.setProperty(key, value);
        }
        return p;
    }

    private static String decode(String s, String url) throws SQLException {
        if (s.indexOf('%') < 0) {
            return s;
        }
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new SQLException("malformed %-escape in " + url, "08001", e);
        }
    }
}
