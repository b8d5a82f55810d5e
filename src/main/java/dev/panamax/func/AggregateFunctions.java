package dev.panamax.func;

import dev.panamax.value.Comparison;
import dev.panamax.value.Mem;
import dev.panamax.value.StrAccum;

/**
 * SQLite's built-in aggregates (func.c): count, sum, total, avg, min, max, group_concat, string_agg. All work as
 * window functions too (inverse and value), except min and max whose windows SQLite computes another way.
 */
final class AggregateFunctions {
    private AggregateFunctions() {
    }

    /** count(X) counts non-NULL X; count(*) (no arguments) counts rows. */
    static final class Count implements Accumulator {
        private long n;

        @Override
        public void step(FunctionContext ctx, Mem[] args) {
            if (args.length == 0 || !args[0].isNull()) {
                n++;
            }
        }

        @Override
        public void inverse(FunctionContext ctx, Mem[] args) {
            if (args.length == 0 || !args[0].isNull()) {
                n--;
            }
        }

        @Override
        public void value(FunctionContext ctx, Mem out) {
            out.setLong(n);
        }
    }

    /**
     * sum, total and avg share SQLite's SumCtx: an exact 64-bit sum while every input is an INTEGER, then a
     * Kahan-Babuska-Neumaier REAL sum. sum() of integers that overflow raises "integer overflow" unless a REAL
     * came later; sum() of no rows is NULL, total() is 0.0, avg() is NULL.
     */
    static final class Sum implements Accumulator {
        static final int SUM = 0;
        static final int TOTAL = 1;
        static final int AVG = 2;

        private final int kind;
        private final Mem scratch = new Mem();
        private double rSum;
        private double rErr;
        private long iSum;
        private long cnt;
        private boolean approx;
        private boolean overflow;

        Sum(int kind) {
            this.kind = kind;
        }

        @Override
        public void step(FunctionContext ctx, Mem[] args) {
            byte type = Results.numericType(args[0], scratch);
            if (type == Mem.NULL) {
                return;
            }
            cnt++;
            if (!approx) {
                if (type != Mem.INTEGER) {
                    init(iSum);
                    approx = true;
                    kbnStep(scratch.realValue());
                } else {
                    long v = scratch.longValue();
                    long x = iSum + v;
                    if (((iSum ^ x) & (v ^ x)) >= 0) {
                        iSum = x;
                    } else {
                        overflow = true;
                        init(iSum);
                        approx = true;
                        kbnStepInt(v);
                    }
                }
            } else if (type == Mem.INTEGER) {
                kbnStepInt(scratch.longValue());
            } else {
                overflow = false;
                kbnStep(scratch.realValue());
            }
        }

        @Override
        public void inverse(FunctionContext ctx, Mem[] args) {
            byte type = Results.numericType(args[0], scratch);
            if (type == Mem.NULL) {
                return;
            }
            cnt--;
            if (!approx) {
                long v = scratch.intValue();
                long x = iSum - v;
                if (((iSum ^ v) & (iSum ^ x)) >= 0) {
                    iSum = x;
                    return;
                }
                // The exact sum overflowed: continue as a REAL sum from where it stood.
                overflow = true;
                approx = true;
                init(iSum);
                subtractInt(v);
            } else if (type == Mem.INTEGER) {
                subtractInt(scratch.longValue());
            } else {
                kbnStep(-scratch.realValue());
            }
        }

        private void subtractInt(long v) {
            if (v != Long.MIN_VALUE) {
                kbnStepInt(-v);
            } else {
                kbnStepInt(Long.MAX_VALUE);
                kbnStepInt(1);
            }
        }

        private void kbnStep(double r) {
            double s = rSum;
            double t = s + r;
            if (Math.abs(s) > Math.abs(r)) {
                rErr += (s - t) + r;
            } else {
                rErr += (r - t) + s;
            }
            rSum = t;
        }

        private void kbnStepInt(long v) {
            if (v <= -4503599627370496L || v >= 4503599627370496L) {
                long small = v % 16384;
                kbnStep((double) (v - small));
                kbnStep((double) small);
            } else {
                kbnStep((double) v);
            }
        }

        private void init(long v) {
            if (v <= -4503599627370496L || v >= 4503599627370496L) {
                long small = v % 16384;
                rSum = (double) (v - small);
                rErr = (double) small;
            } else {
                rSum = (double) v;
                rErr = 0.0;
            }
        }

        private double approxValue() {
            double r = rSum;
            if (Double.isFinite(rErr)) {
                r += rErr;
            }
            return r;
        }

        @Override
        public void value(FunctionContext ctx, Mem out) {
            switch (kind) {
                case TOTAL -> out.setDouble(approx ? approxValue() : (double) iSum);
                case AVG -> {
                    if (cnt > 0) {
                        out.setDouble((approx ? approxValue() : (double) iSum) / (double) cnt);
                    } else {
                        out.setNull();
                    }
                }
                default -> {
                    if (cnt <= 0) {
                        out.setNull();
                    } else if (!approx) {
                        out.setLong(iSum);
                    } else if (overflow) {
                        throw Results.error("integer overflow");
                    } else {
                        out.setDouble(approxValue());
                    }
                }
            }
        }
    }

    /** min(X) and max(X): the least or greatest non-NULL X under the call's collation. */
    static final class MinMax implements Accumulator {
        private final boolean max;
        private final Mem best = new Mem();
        private boolean any;

        MinMax(boolean max) {
            this.max = max;
        }

        @Override
        public void step(FunctionContext ctx, Mem[] args) {
            Mem arg = args[0];
            if (arg.isNull()) {
                if (any) {
                    ctx.skipAccumulatorLoad();
                }
            } else if (any) {
                int cmp = Comparison.compare(best, arg, ctx.collation());
                if (max ? cmp < 0 : cmp > 0) {
                    best.copyFrom(arg);
                } else {
                    ctx.skipAccumulatorLoad();
                }
            } else {
                best.copyFrom(arg);
                any = true;
            }
        }

        @Override
        public void value(FunctionContext ctx, Mem out) {
            if (any) {
                out.copyFrom(best);
            } else {
                out.setNull();
            }
        }
    }

    /**
     * group_concat(X [, SEP]) and string_agg(X, SEP): the text of every non-NULL X, separated by SEP (',' by
     * default; a NULL SEP adds nothing); NULL when no X was seen. Separators go before each value but the first.
     */
    static final class GroupConcat implements Accumulator {
        private StrAccum text;
        private boolean started;
        private int nAccum;
        private int firstSepLength;
        private int[] sepLengths;

        @Override
        public void step(FunctionContext ctx, Mem[] args) {
            if (args[0].isNull()) {
                return;
            }
            boolean firstTerm = !started;
            started = true;
            if (text == null) {
                text = new StrAccum(ctx.maxLength());
            }
            if (args.length == 1) {
                if (!firstTerm) {
                    text.append((byte) ',');
                } else {
                    firstSepLength = 1;
                }
            } else if (!firstTerm) {
                int nSep = 0;
                if (!args[1].isNull()) {
                    nSep = args[1].textLength();
                    text.append(args[1].textBytes(), 0, nSep);
                }
                recordSeparator(nSep);
            } else {
                firstSepLength = args[1].textLength();
            }
            nAccum++;
            text.append(args[0].textBytes(), 0, args[0].textLength());
        }

        /** Window support: remembers each separator's length once they stop being all the same. */
        private void recordSeparator(int nSep) {
            if (nSep != firstSepLength || sepLengths != null) {
                if (sepLengths == null) {
                    sepLengths = new int[Math.max(8, nAccum + 1)];
                    for (int k = 0; k < nAccum - 1; k++) {
                        sepLengths[k] = firstSepLength;
                    }
                } else if (sepLengths.length < nAccum) {
                    sepLengths = java.util.Arrays.copyOf(sepLengths, nAccum * 2);
                }
                if (nAccum > 0) {
                    sepLengths[nAccum - 1] = nSep;
                }
            }
        }

        @Override
        public void inverse(FunctionContext ctx, Mem[] args) {
            if (args[0].isNull() || text == null) {
                return;
            }
            int remove = args[0].textLength();
            nAccum--;
            if (sepLengths != null) {
                if (nAccum > 0) {
                    remove += sepLengths[0];
                    System.arraycopy(sepLengths, 1, sepLengths, 0, nAccum - 1);
                }
            } else {
                remove += firstSepLength;
            }
            int len = text.length();
            if (remove >= len) {
                text.truncate(0);
            } else {
                byte[] b = text.buffer();
                System.arraycopy(b, remove, b, 0, len - remove);
                text.truncate(len - remove);
            }
            if (text.length() == 0) {
                started = false;
                sepLengths = null;
            }
        }

        /**
         * As a window function SQLite returns NULL for a frame without values and, oddly, a one-byte NUL text for a
         * frame of empty strings.
         */
        @Override
        public void value(FunctionContext ctx, Mem out) {
            if (text == null || (text.length() == 0 && nAccum <= 0)) {
                out.setNull();
            } else if (text.length() == 0) {
                out.setText(new byte[1], 0, 1);
            } else {
                out.setText(text.buffer(), 0, text.length());
            }
        }

        @Override
        public void finish(FunctionContext ctx, Mem out) {
            if (text == null) {
                out.setNull();
            } else {
                out.setText(text.buffer(), 0, text.length());
            }
        }
    }
}
