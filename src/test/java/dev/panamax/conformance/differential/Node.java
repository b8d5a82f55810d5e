package dev.panamax.conformance.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A generated piece of SQL kept as a tree, so that the shrinker can simplify a failing query: an {@link Kind#EXPR}
 * node may be replaced by one of its expression descendants or by a literal, an {@link Kind#OPTIONAL} clause may be
 * dropped. The text is the concatenation of the pieces (strings and child nodes) in order.
 */
final class Node {
    enum Kind { EXPR, OPTIONAL, FIXED }

    final Kind kind;
    private final Object[] pieces;

    private Node(Kind kind, Object[] pieces) {
        this.kind = kind;
        this.pieces = pieces;
    }

    static Node expr(Object... pieces) {
        return new Node(Kind.EXPR, pieces);
    }

    static Node optional(Object... pieces) {
        return new Node(Kind.OPTIONAL, pieces);
    }

    static Node fixed(Object... pieces) {
        return new Node(Kind.FIXED, pieces);
    }

    static final Node EMPTY = fixed();

    /** Joins nodes (or strings) with a separator into one fixed node. */
    static Node join(String separator, List<?> items) {
        List<Object> out = new ArrayList<>();
        for (int k = 0; k < items.size(); k++) {
            if (k > 0) {
                out.add(separator);
            }
            out.add(items.get(k));
        }
        return new Node(Kind.FIXED, out.toArray());
    }

    String sql() {
        StringBuilder sb = new StringBuilder();
        append(sb);
        return sb.toString();
    }

    private void append(StringBuilder sb) {
        for (Object p : pieces) {
            if (p instanceof Node n) {
                n.append(sb);
            } else {
                sb.append(p);
            }
        }
    }

    List<Node> children() {
        List<Node> out = new ArrayList<>();
        for (Object p : pieces) {
            if (p instanceof Node n) {
                out.add(n);
            }
        }
        return out;
    }

    /** The nearest EXPR descendants (looking through non-EXPR nodes). */
    List<Node> exprDescendants() {
        List<Node> out = new ArrayList<>();
        for (Node c : children()) {
            if (c.kind == Kind.EXPR) {
                out.add(c);
            } else {
                out.addAll(c.exprDescendants());
            }
        }
        return out;
    }

    /** Every node in pre-order. */
    void forEach(Consumer<Node> f) {
        f.accept(this);
        for (Node c : children()) {
            c.forEach(f);
        }
    }

    /** A copy of this tree with {@code target} (by identity) replaced by {@code replacement}. */
    Node replace(Node target, Node replacement) {
        if (this == target) {
            return replacement;
        }
        Object[] copy = pieces.clone();
        boolean changed = false;
        for (int k = 0; k < copy.length; k++) {
            if (copy[k] instanceof Node n) {
                Node r = n.replace(target, replacement);
                if (r != n) {
                    copy[k] = r;
                    changed = true;
                }
            }
        }
        return changed ? new Node(kind, copy) : this;
    }

    int size() {
        int[] n = {0};
        forEach(x -> n[0]++);
        return n[0];
    }

    @Override
    public String toString() {
        return sql();
    }
}
