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

    private People() {
    }

    public static PersonData person(long n) {
        String first = FIRST.get((int) (n % FIRST.size()));
        String last = LAST.get((int) ((n / FIRST.size()) % LAST.size()));
        String email = (first + "." + last + "." + n).toLowerCase(Locale.ROOT)
                .replace("ü", "ue") + "@example.com";
        // German mobile numbers: +49 151 and eight digits
        String phone = String.format(Locale.ROOT, "+49151%08d", n % NUMBERS);
        LocalDate birthDate = LocalDate.of(1950, 1, 1).plusDays(n % 18_000);
        String address = STREETS.get((int) (n % STREETS.size())) + " " + (n % 150 + 1) + ", "
                + String.format(Locale.ROOT, "%05d", 10_000 + n % 80_000) + " Berlin";
        return new PersonData(first, last, email, phone, birthDate, address, "DE");
    }
}
