package dev.panamax.sql.parser;

/**
 * Token codes, SQLite's TK_ codes by another numbering: punctuation and literal classes first, then one code per
 * keyword (TEMPORARY shares TEMP's). The keyword list is SQLite's (mkkeywordhash.c, lang_keywords.html), and
 * {@link #FALLBACK_ID} is parse.y's fallback-to-ID list: the keywords that may stand for an identifier where the
 * keyword itself cannot.
 */
final class Tk {
    private Tk() {
    }

    static final int EOF = 0;
    static final int ILLEGAL = 1;
    static final int ID = 2;
    static final int STRING = 3;
    static final int INTEGER = 4;
    static final int FLOAT = 5;
    static final int QNUMBER = 6;
    static final int BLOB = 7;
    static final int VARIABLE = 8;
    static final int SEMI = 9;
    static final int LP = 10;
    static final int RP = 11;
    static final int COMMA = 12;
    static final int DOT = 13;
    static final int EQ = 14;
    static final int NE = 15;
    static final int LT = 16;
    static final int LE = 17;
    static final int GT = 18;
    static final int GE = 19;
    static final int PLUS = 20;
    static final int MINUS = 21;
    static final int STAR = 22;
    static final int SLASH = 23;
    static final int REM = 24;
    static final int BITAND = 25;
    static final int BITOR = 26;
    static final int BITNOT = 27;
    static final int LSHIFT = 28;
    static final int RSHIFT = 29;
    static final int CONCAT = 30;
    static final int PTR = 31;
    static final int ABORT = 32;
    static final int ACTION = 33;
    static final int ADD = 34;
    static final int AFTER = 35;
    static final int ALL = 36;
    static final int ALTER = 37;
    static final int ALWAYS = 38;
    static final int ANALYZE = 39;
    static final int AND = 40;
    static final int AS = 41;
    static final int ASC = 42;
    static final int ATTACH = 43;
    static final int AUTOINCREMENT = 44;
    static final int BEFORE = 45;
    static final int BEGIN = 46;
    static final int BETWEEN = 47;
    static final int BY = 48;
    static final int CASCADE = 49;
    static final int CASE = 50;
    static final int CAST = 51;
    static final int CHECK = 52;
    static final int COLLATE = 53;
    static final int COLUMN = 54;
    static final int COMMIT = 55;
    static final int CONFLICT = 56;
    static final int CONSTRAINT = 57;
    static final int CREATE = 58;
    static final int CROSS = 59;
    static final int CURRENT = 60;
    static final int CURRENT_DATE = 61;
    static final int CURRENT_TIME = 62;
    static final int CURRENT_TIMESTAMP = 63;
    static final int DATABASE = 64;
    static final int DEFAULT = 65;
    static final int DEFERRABLE = 66;
    static final int DEFERRED = 67;
    static final int DELETE = 68;
    static final int DESC = 69;
    static final int DETACH = 70;
    static final int DISTINCT = 71;
    static final int DO = 72;
    static final int DROP = 73;
    static final int EACH = 74;
    static final int ELSE = 75;
    static final int END = 76;
    static final int ESCAPE = 77;
    static final int EXCEPT = 78;
    static final int EXCLUDE = 79;
    static final int EXCLUSIVE = 80;
    static final int EXISTS = 81;
    static final int EXPLAIN = 82;
    static final int FAIL = 83;
    static final int FILTER = 84;
    static final int FIRST = 85;
    static final int FOLLOWING = 86;
    static final int FOR = 87;
    static final int FOREIGN = 88;
    static final int FROM = 89;
    static final int FULL = 90;
    static final int GENERATED = 91;
    static final int GLOB = 92;
    static final int GROUP = 93;
    static final int GROUPS = 94;
    static final int HAVING = 95;
    static final int IF = 96;
    static final int IGNORE = 97;
    static final int IMMEDIATE = 98;
    static final int IN = 99;
    static final int INDEX = 100;
    static final int INDEXED = 101;
    static final int INITIALLY = 102;
    static final int INNER = 103;
    static final int INSERT = 104;
    static final int INSTEAD = 105;
    static final int INTERSECT = 106;
    static final int INTO = 107;
    static final int IS = 108;
    static final int ISNULL = 109;
    static final int JOIN = 110;
    static final int KEY = 111;
    static final int LAST = 112;
    static final int LEFT = 113;
    static final int LIKE = 114;
    static final int LIMIT = 115;
    static final int MATCH = 116;
    static final int MATERIALIZED = 117;
    static final int NATURAL = 118;
    static final int NO = 119;
    static final int NOT = 120;
    static final int NOTHING = 121;
    static final int NOTNULL = 122;
    static final int NULL = 123;
    static final int NULLS = 124;
    static final int OF = 125;
    static final int OFFSET = 126;
    static final int ON = 127;
    static final int OR = 128;
    static final int ORDER = 129;
    static final int OTHERS = 130;
    static final int OUTER = 131;
    static final int OVER = 132;
    static final int PARTITION = 133;
    static final int PLAN = 134;
    static final int PRAGMA = 135;
    static final int PRECEDING = 136;
    static final int PRIMARY = 137;
    static final int QUERY = 138;
    static final int RAISE = 139;
    static final int RANGE = 140;
    static final int RECURSIVE = 141;
    static final int REFERENCES = 142;
    static final int REGEXP = 143;
    static final int REINDEX = 144;
    static final int RELEASE = 145;
    static final int RENAME = 146;
    static final int REPLACE = 147;
    static final int RESTRICT = 148;
    static final int RETURNING = 149;
    static final int RIGHT = 150;
    static final int ROLLBACK = 151;
    static final int ROW = 152;
    static final int ROWS = 153;
    static final int SAVEPOINT = 154;
    static final int SELECT = 155;
    static final int SET = 156;
    static final int TABLE = 157;
    static final int TEMP = 158;
    static final int THEN = 159;
    static final int TIES = 160;
    static final int TO = 161;
    static final int TRANSACTION = 162;
    static final int TRIGGER = 163;
    static final int UNBOUNDED = 164;
    static final int UNION = 165;
    static final int UNIQUE = 166;
    static final int UPDATE = 167;
    static final int USING = 168;
    static final int VACUUM = 169;
    static final int VALUES = 170;
    static final int VIEW = 171;
    static final int VIRTUAL = 172;
    static final int WHEN = 173;
    static final int WHERE = 174;
    static final int WINDOW = 175;
    static final int WITH = 176;
    static final int WITHOUT = 177;

    static final int FIRST_KEYWORD = 32;
    static final int COUNT = 178;

    private static final String[] NAMES = {
        "EOF", "ILLEGAL", "ID", "STRING", "INTEGER", "FLOAT", "QNUMBER", "BLOB",
        "VARIABLE", "SEMI", "LP", "RP", "COMMA", "DOT", "EQ", "NE",
        "LT", "LE", "GT", "GE", "PLUS", "MINUS", "STAR", "SLASH",
        "REM", "BITAND", "BITOR", "BITNOT", "LSHIFT", "RSHIFT", "CONCAT", "PTR",
        "ABORT", "ACTION", "ADD", "AFTER", "ALL", "ALTER", "ALWAYS", "ANALYZE",
        "AND", "AS", "ASC", "ATTACH", "AUTOINCREMENT", "BEFORE", "BEGIN", "BETWEEN",
        "BY", "CASCADE", "CASE", "CAST", "CHECK", "COLLATE", "COLUMN", "COMMIT",
        "CONFLICT", "CONSTRAINT", "CREATE", "CROSS", "CURRENT", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP",
        "DATABASE", "DEFAULT", "DEFERRABLE", "DEFERRED", "DELETE", "DESC", "DETACH", "DISTINCT",
        "DO", "DROP", "EACH", "ELSE", "END", "ESCAPE", "EXCEPT", "EXCLUDE",
        "EXCLUSIVE", "EXISTS", "EXPLAIN", "FAIL", "FILTER", "FIRST", "FOLLOWING", "FOR",
        "FOREIGN", "FROM", "FULL", "GENERATED", "GLOB", "GROUP", "GROUPS", "HAVING",
        "IF", "IGNORE", "IMMEDIATE", "IN", "INDEX", "INDEXED", "INITIALLY", "INNER",
        "INSERT", "INSTEAD", "INTERSECT", "INTO", "IS", "ISNULL", "JOIN", "KEY",
        "LAST", "LEFT", "LIKE", "LIMIT", "MATCH", "MATERIALIZED", "NATURAL", "NO",
        "NOT", "NOTHING", "NOTNULL", "NULL", "NULLS", "OF", "OFFSET", "ON",
        "OR", "ORDER", "OTHERS", "OUTER", "OVER", "PARTITION", "PLAN", "PRAGMA",
        "PRECEDING", "PRIMARY", "QUERY", "RAISE", "RANGE", "RECURSIVE", "REFERENCES", "REGEXP",
        "REINDEX", "RELEASE", "RENAME", "REPLACE", "RESTRICT", "RETURNING", "RIGHT", "ROLLBACK",
        "ROW", "ROWS", "SAVEPOINT", "SELECT", "SET", "TABLE", "TEMP", "THEN",
        "TIES", "TO", "TRANSACTION", "TRIGGER", "UNBOUNDED", "UNION", "UNIQUE", "UPDATE",
        "USING", "VACUUM", "VALUES", "VIEW", "VIRTUAL", "WHEN", "WHERE", "WINDOW",
        "WITH", "WITHOUT",
    };

    /** Keywords usable as identifiers (parse.y's fallback list). */
    static final boolean[] FALLBACK_ID = new boolean[COUNT];

    static {
        for (int t : new int[] {
            ABORT, ACTION, AFTER, ALWAYS, ANALYZE, ASC, ATTACH, BEFORE,
            BEGIN, BY, CASCADE, CAST, COLUMN, CONFLICT, CURRENT, CURRENT_DATE,
            CURRENT_TIME, CURRENT_TIMESTAMP, DATABASE, DEFERRED, DESC, DETACH, DO, EACH,
            END, EXCLUDE, EXCLUSIVE, EXPLAIN, FAIL, FIRST, FOLLOWING, FOR,
            GENERATED, GLOB, GROUPS, IF, IGNORE, IMMEDIATE, INITIALLY, INSTEAD,
            KEY, LAST, LIKE, MATCH, MATERIALIZED, NO, NULLS, OF,
            OFFSET, OTHERS, PARTITION, PLAN, PRAGMA, PRECEDING, QUERY, RAISE,
            RANGE, RECURSIVE, REGEXP, REINDEX, RELEASE, RENAME, REPLACE, RESTRICT,
            ROLLBACK, ROW, ROWS, SAVEPOINT, TEMP, TIES, TRIGGER, UNBOUNDED,
            VACUUM, VIEW, VIRTUAL, WITH, WITHOUT,
        }) {
            FALLBACK_ID[t] = true;
        }
    }

    static String name(int type) {
        return NAMES[type];
    }

    /** CROSS, FULL, INNER, LEFT, NATURAL, OUTER, RIGHT: parse.y's JOIN_KW. */
    static boolean isJoinKeyword(int type) {
        return type == CROSS || type == FULL || type == INNER || type == LEFT || type == NATURAL || type == OUTER
                || type == RIGHT;
    }

    /** parse.y's {@code id}: ID, INDEXED, or a keyword falling back to ID. */
    static boolean isId(int type) {
        return type == ID || type == INDEXED || FALLBACK_ID[type];
    }

    /** parse.y's {@code idj}: {@code id} or a join keyword. */
    static boolean isIdj(int type) {
        return isId(type) || isJoinKeyword(type);
    }

    /** parse.y's {@code nm}: {@code idj} or a string. */
    static boolean isNm(int type) {
        return isIdj(type) || type == STRING;
    }

    /** parse.y's {@code ids}: ID (with fallbacks) or a string, not INDEXED or join keywords. */
    static boolean isIds(int type) {
        return type == ID || type == STRING || FALLBACK_ID[type];
    }
}
