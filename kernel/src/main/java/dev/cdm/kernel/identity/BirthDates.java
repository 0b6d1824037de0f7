package dev.cdm.kernel.identity;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a birth date written in one of the unambiguous layouts sources send: ISO {@code yyyy-MM-dd},
 * {@code dd.MM.yyyy} (German, Russian), {@code dd/MM/yyyy} (British, French) and {@code yyyyMMdd} (FEBRL, many
 * exports). Resolution is strict: {@code 1990-02-30} or {@code 2023-02-29} is an error, never a nearby date.
 *
 * <p>US {@code MM/dd/yyyy} is deliberately not accepted: {@code 03/04/1990} reads as both 3 April and 4 March,
 * and a wrong birth date silently merges or splits people. A source that sends US dates must say so and convert
 * before ingestion. Reasons never repeat the value: it is personal data.
 */
public final class BirthDates {

    public static final String ACCEPTED_FORMATS = "yyyy-MM-dd, dd.MM.yyyy, dd/MM/yyyy or yyyyMMdd";
    public static final String NOT_A_DATE = "is not a date in an accepted format (" + ACCEPTED_FORMATS + ")";
    public static final String NO_SUCH_DAY = "is not a calendar date (no such day; formats " + ACCEPTED_FORMATS + ")";

    private static final List<Layout> LAYOUTS = List.of(
            new Layout("\\d{4}-\\d{2}-\\d{2}", "uuuu-MM-dd"),
            new Layout("\\d{2}\\.\\d{2}\\.\\d{4}", "dd.MM.uuuu"),
            new Layout("\\d{2}/\\d{2}/\\d{4}", "dd/MM/uuuu"),
            new Layout("\\d{8}", "uuuuMMdd"));

    private BirthDates() {
    }

    /** The date, or the reason it is not one ({@link #NOT_A_DATE} or {@link #NO_SUCH_DAY}). */
    public static Parsed parse(String value) {
        String text = value == null ? "" : value.strip();
        for (Layout layout : LAYOUTS) {
            if (layout.shape.matcher(text).matches()) {
                try {
                    return new Parsed(LocalDate.parse(text, layout.format), null);
                } catch (DateTimeParseException e) {
                    return new Parsed(null, NO_SUCH_DAY);
                }
            }
        }
        return new Parsed(null, NOT_A_DATE);
    }

    /** Either a date or a reason, never both. */
    public record Parsed(LocalDate date, String reason) {

        public Optional<LocalDate> value() {
            return Optional.ofNullable(date);
        }

        public boolean isValid() {
            return date != null;
        }
    }

    private record Layout(Pattern shape, DateTimeFormatter format) {

        Layout(String shape, String pattern) {
            this(Pattern.compile(shape), DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT));
        }
    }
}
