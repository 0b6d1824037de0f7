package dev.cdm.bench.report;

import java.util.Locale;

/** Formatting and parsing of the numbers the benchmarks print and accept. */
public final class Numbers {

    private Numbers() {
    }

    /** 1234567 as "1,234,567". */
    public static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** A rate or duration with one decimal below 100 and none above, e.g. "12.5" or "23,456". */
    public static String decimal(double value) {
        return Math.abs(value) < 100 ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%,.0f", value);
    }

    public static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    /** Milliseconds with two decimals, e.g. "3.27". */
    public static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.2f", millis(nanos));
    }

    public static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    /** Events per second, given a count and the nanoseconds it took. */
    public static double perSecond(long count, long nanos) {
        return nanos <= 0 ? 0 : count * 1_000_000_000.0 / nanos;
    }

    /** Parses counts such as "100000", "100_000", "100k" or "1M". */
    public static long parseCount(String text) {
        String t = text.strip().replace("_", "").replace(",", "");
        long factor = 1;
        char last = Character.toLowerCase(t.isEmpty() ? ' ' : t.charAt(t.length() - 1));
        if (last == 'k' || last == 'm') {
            factor = last == 'k' ? 1_000 : 1_000_000;
            t = t.substring(0, t.length() - 1);
        }
        try {
            long value = Math.multiplyExact(Long.parseLong(t), factor);
            if (value < 0) {
                throw new IllegalArgumentException("must not be negative: " + text);
            }
            return value;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("not a count: " + text, e);
        }
    }
}
