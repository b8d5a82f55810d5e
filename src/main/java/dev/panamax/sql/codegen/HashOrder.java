package dev.panamax.sql.codegen;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The order in which SQLite's hash tables (hash.c) list their entries, which is the order of PRAGMA table_list,
 * collation_list, integrity_check and foreign_key_check: a new entry goes to the front of the list, or in front of
 * the first entry of its bucket once the table has buckets (from five entries on, resized to three buckets per
 * entry whenever it holds more than two per bucket). Replaying the insertions gives SQLite's order.
 */
final class HashOrder {
    private HashOrder() {
    }

    private static final class Elem<T> {
        final T value;
        final int hash;
        Elem<T> next;
        Elem<T> prev;

        Elem(T value, int hash) {
            this.value = value;
            this.hash = hash;
        }
    }

    private static final class Bucket<T> {
        int count;
        Elem<T> chain;
    }

    /**
     * The values in SQLite's iteration order after inserting them in {@code inserted} order, keyed by
     * {@code keys} (same length).
     */
    static <T> List<T> order(List<T> inserted, List<String> keys) {
        Elem<T> first = null;
        List<Bucket<T>> buckets = null;
        int count = 0;
        for (int k = 0; k < inserted.size(); k++) {
            Elem<T> e = new Elem<>(inserted.get(k), strHash(keys.get(k)));
            count++;
            if (count >= 5 && count > 2 * (buckets == null ? 0 : buckets.size())) {
                List<Bucket<T>> fresh = new ArrayList<>();
                for (int b = 0; b < count * 3; b++) {
                    fresh.add(new Bucket<>());
                }
                Elem<T> x = first;
                first = null;
                while (x != null) {
                    Elem<T> nx = x.next;
                    first = insert(first, fresh.get(Integer.remainderUnsigned(x.hash, fresh.size())), x);
                    x = nx;
                }
                buckets = fresh;
            }
            Bucket<T> bucket = buckets == null ? null : buckets.get(Integer.remainderUnsigned(e.hash, buckets.size()));
            first = insert(first, bucket, e);
        }
        List<T> out = new ArrayList<>();
        for (Elem<T> x = first; x != null; x = x.next) {
            out.add(x.value);
        }
        return out;
    }

    /** insertElement: returns the new head of the list. */
    private static <T> Elem<T> insert(Elem<T> first, Bucket<T> bucket, Elem<T> e) {
        Elem<T> head = null;
        if (bucket != null) {
            head = bucket.count > 0 ? bucket.chain : null;
            bucket.count++;
            bucket.chain = e;
        }
        if (head != null) {
            e.next = head;
            e.prev = head.prev;
            if (head.prev != null) {
                head.prev.next = e;
            } else {
                first = e;
            }
            head.prev = e;
            return first;
        }
        e.next = first;
        if (first != null) {
            first.prev = e;
        }
        e.prev = null;
        return e;
    }

    /** strHash: Knuth multiplicative hashing over the bytes with the case bit masked off. */
    static int strHash(String key) {
        int h = 0;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h += 0xdf & b;
            h *= 0x9e3779b1;
        }
        return h;
    }
}
