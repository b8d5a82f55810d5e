package dev.panamax.sql.resolve;

/**
 * How a FROM item joins the items before it (SQLite's JT_* flags reduced to what matters after parsing).
 * {@code LEFT}: unmatched rows of the items before are kept; {@code RIGHT}: unmatched rows of this item are kept;
 * {@code FULL}: both. {@code CROSS} is an inner join whose order the planner must not change.
 */
public enum JoinType {
    INNER, CROSS, LEFT, RIGHT, FULL;

    public boolean keepsLeft() {
        return this == LEFT || this == FULL;
    }

    public boolean keepsRight() {
        return this == RIGHT || this == FULL;
    }
}
