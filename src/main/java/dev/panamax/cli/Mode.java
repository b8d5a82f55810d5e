package dev.panamax.cli;

/** The output modes of {@code .mode}, with the names {@code .show} and {@code .mode} print. */
enum Mode {
    LINE("line"),
    COLUMN("column"),
    LIST("list"),
    SEMI("semi"),
    HTML("html"),
    INSERT("insert"),
    QUOTE("quote"),
    TCL("tcl"),
    CSV("csv"),
    EXPLAIN("explain"),
    ASCII("ascii"),
    PRETTY("prettyprint"),
    EQP("eqp"),
    JSON("json"),
    MARKDOWN("markdown"),
    TABLE("table"),
    BOX("box"),
    COUNT("count"),
    OFF("off");

    private final String description;

    Mode(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    /** The modes that buffer the whole result to size their columns. */
    boolean columnar() {
        return this == COLUMN || this == MARKDOWN || this == TABLE || this == BOX;
    }
}
