package dev.panamax.cli;

/**
 * How results are printed: the mode and its separators, headers, NULL text, column widths and the columnar
 * options of {@code .mode}. Mutable; {@code .mode}, {@code .headers}, {@code .separator}, {@code .nullvalue} and
 * {@code .width} change it, and {@code .dump}/{@code .schema} print through a copy.
 */
final class OutputSettings {
    static final String SEP_COLUMN = "|";
    static final String SEP_ROW = "\n";
    static final String SEP_TAB = "\t";
    static final String SEP_SPACE = " ";
    static final String SEP_COMMA = ",";
    static final String SEP_CRLF = "\r\n";
    static final String SEP_UNIT = "\u001f";
    static final String SEP_RECORD = "\u001e";
    static final int DEFAULT_WRAP = 60;

    Mode mode = Mode.LIST;
    boolean showHeader;
    /** True once headers were set explicitly, so that {@code .mode column} leaves them alone. */
    boolean headerSet;
    String colSeparator = SEP_COLUMN;
    String rowSeparator = SEP_ROW;
    String nullValue = "";
    int[] widths = new int[0];
    int wrap = DEFAULT_WRAP;
    boolean quote;
    boolean wordWrap;
    /** The table name of insert mode, already quoted when it needs to be. */
    String destTable = "\"table\"";

    OutputSettings copy() {
        OutputSettings c = new OutputSettings();
        c.mode = mode;
        c.showHeader = showHeader;
        c.headerSet = headerSet;
        c.colSeparator = colSeparator;
        c.rowSeparator = rowSeparator;
        c.nullValue = nullValue;
        c.widths = widths.clone();
        c.wrap = wrap;
        c.quote = quote;
        c.wordWrap = wordWrap;
        c.destTable = destTable;
        return c;
    }
}
