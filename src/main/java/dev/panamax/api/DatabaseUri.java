package dev.panamax.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A database name as sqlite3_open_v2 reads it with SQLITE_OPEN_URI (uri.html): a plain path, {@code :memory:}, or a
 * {@code file:} URI whose query may carry {@code mode=ro|rw|rwc|memory}, {@code immutable=1},
 * {@code cache=shared|private} and {@code vfs} (ignored).
 *
 * @param path     the file path, or the name of an in-memory database
 * @param memory   an in-memory database
 * @param shared   {@code cache=shared}: opens of the same name share one database
 */
record DatabaseUri(String path, boolean memory, boolean shared, boolean readOnly, boolean create,
        boolean immutable) {

    static DatabaseUri parse(String name, DatabaseConfig config) {
        if (name == null || name.isEmpty() || name.equals(":memory:")) {
            return new DatabaseUri(":memory:", true, false, false, true, false);
        }
        if (!name.startsWith("file:")) {
            return new DatabaseUri(name, false, false, config.readOnly(), config.create() && !config.readOnly(),
                    false);
        }
        String rest = name.substring(5);
        int q = rest.indexOf('?');
        int h = rest.indexOf('#');
        String query = q < 0 ? "" : rest.substring(q + 1, h > q ? h : rest.length());
        String pathPart = q >= 0 ? rest.substring(0, q) : h >= 0 ? rest.substring(0, h) : rest;
        if (pathPart.startsWith("//")) {
            int slash = pathPart.indexOf('/', 2);
            String authority = slash < 0 ? pathPart.substring(2) : pathPart.substring(2, slash);
            if (!authority.isEmpty() && !authority.equals("localhost")) {
                throw new DbException(ResultCode.ERROR, "invalid uri authority: " + authority);
            }
            pathPart = slash < 0 ? "" : pathPart.substring(slash);
        }
        String path = decode(pathPart);
        boolean readOnly = config.readOnly();
        boolean create = config.create() && !readOnly;
        boolean memory = path.equals(":memory:");
        boolean shared = false;
        boolean immutable = false;
        for (String kv : query.split("&")) {
            if (kv.isEmpty()) {
                continue;
            }
            int eq = kv.indexOf('=');
            String key = decode(eq < 0 ? kv : kv.substring(0, eq));
            String value = decode(eq < 0 ? "" : kv.substring(eq + 1));
            switch (key) {
                case "mode" -> {
                    switch (value) {
                        case "ro" -> {
                            readOnly = true;
                            create = false;
                        }
                        case "rw" -> {
                            readOnly = false;
                            create = false;
                        }
                        case "rwc" -> {
                            readOnly = false;
                            create = true;
                        }
                        case "memory" -> memory = true;
                        default -> throw new DbException(ResultCode.ERROR, "no such access mode: " + value);
                    }
                }
                case "cache" -> {
                    if (!value.equals("shared") && !value.equals("private")) {
                        throw new DbException(ResultCode.ERROR, "no such cache mode: " + value);
                    }
                    shared = value.equals("shared");
                }
                case "immutable" -> immutable = !value.equals("0") && !value.isEmpty();
                default -> {
                }
            }
        }
        if (immutable) {
            readOnly = true;
            create = false;
        }
        return new DatabaseUri(path, memory, shared, readOnly, create, immutable);
    }

    private static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '%' && k + 2 < s.length() && hex(s.charAt(k + 1)) >= 0 && hex(s.charAt(k + 2)) >= 0) {
                out.write(hex(s.charAt(k + 1)) * 16 + hex(s.charAt(k + 2)));
                k += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
