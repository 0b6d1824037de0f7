package dev.cdm.bench;

import dev.cdm.kernel.events.PersonData;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Made-up but valid people: person {@code n} always has the same fields, and distinct {@code n} (below 10^8)
 * have distinct emails and phone numbers, so each founds a profile of its own.
 */
public final class People {

    private static final List<String> FIRST = List.of("Anna", "Ben", "Clara", "David", "Emma", "Felix", "Greta",
            "Hannes", "Ida", "Jonas", "Klara", "Lukas", "Mia", "Noah", "Olivia", "Paul");
    private static final List<String> LAST = List.of("Müller", "Schmidt", "Schneider", "Fischer", "Weber",
            "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf");
    private static final List<String> STREETS = List.of("Hauptstraße", "Schulstraße", "Gartenweg", "Bahnhofstraße",
            "Lindenallee", "Bergstraße");
    private static final long NUMBERS = 100_000_000L;
    private static final int BIRTH_DAYS = 27_000;
    private static final int HOUSE_NUMBERS = 400;

    private People() {
    }

    public static PersonData person(long n) {
        // each field from its own hash of n: fields drawn by n modulo their list sizes repeat together (first
        // name, birth date, street and number every 18,000 people), and identity resolution rightly linked such
        // look-alikes
        String first = FIRST.get(pick(n, 1, FIRST.size()));
        String last = LAST.get(pick(n, 2, LAST.size()));
        String email = (first + "." + last + "." + n).toLowerCase(Locale.ROOT)
                .replace("ü", "ue") + "@example.com";
        // German mobile numbers: +49 151 and eight digits
        String phone = String.format(Locale.ROOT, "+49151%08d", n % NUMBERS);
        LocalDate birthDate = LocalDate.of(1930, 1, 1).plusDays(pick(n, 3, BIRTH_DAYS));
        String address = STREETS.get(pick(n, 4, STREETS.size())) + " " + (pick(n, 5, HOUSE_NUMBERS) + 1) + ", "
                + String.format(Locale.ROOT, "%05d", 10_000 + pick(n, 6, 80_000)) + " Berlin";
        return new PersonData(first, last, email, phone, birthDate, address, "DE");
    }

    /** A value in [0, bound) for field {@code field} of person {@code n}, independent of the other fields. */
    private static int pick(long n, int field, int bound) {
        long z = n * 0x9E3779B97F4A7C15L + field * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (int) Math.floorMod(z, (long) bound);
    }
}
