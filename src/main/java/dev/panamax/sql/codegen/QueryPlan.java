package dev.panamax.sql.codegen;

import dev.panamax.vdbe.Opcode;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * EXPLAIN QUERY PLAN lines as SQLite makes them (sqlite3VdbeExplain): each line is an {@code Explain} instruction
 * whose P1 is its id (its address), P2 its parent's id and P4 its text; a line that opens a group (a subquery, a
 * compound part) becomes the parent of the lines after it until it is popped.
 */
final class QueryPlan {
    private final Deque<Integer> parents = new ArrayDeque<>();

    /** Adds a line under the current parent. */
    int line(Parse p, String text) {
        int addr = p.v.currentAddr();
        p.op(Opcode.Explain, addr, parent(), 0, text);
        return addr;
    }

    /** Adds a line and makes it the parent of the following lines. */
    void push(Parse p, String text) {
        parents.push(line(p, text));
    }

    void pop() {
        parents.pop();
    }

    int parent() {
        return parents.isEmpty() ? 0 : parents.peek();
    }
}
