package dev.cdm.bench.platform;

import dev.cdm.bench.People;
import dev.cdm.kernel.events.PersonData;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A CSV of made-up people with the canonical header, as {@code cdm import} reads it with no mapping. Person n comes
 * from source {@code crm} as {@code crm-n}; every {@code duplicateEvery}-th also from {@code shop} with a national
 * phone and an upper-case email, so that resolution links as well as creates.
 */
final class PeopleCsv {

    static final String HEADER = "record_id,source,first_name,last_name,email,phone,birth_date,address,country";

    private PeopleCsv() {
    }

    /** Writes {@code people} people to {@code file} and returns the number of rows. */
    static long write(Path file, long people, int duplicateEvery) throws IOException {
        long rows = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.newLine();
            for (long n = 0; n < people; n++) {
                PersonData p = People.person(n);
                out.write(row("crm-" + n, "crm", p, p.email(), p.phone()));
                rows++;
                if (duplicateEvery > 0 && n % duplicateEvery == 0) {
                    String national = "0" + p.phone().substring(3);
                    out.write(row("shop-" + n, "shop", p, p.email().toUpperCase(Locale.ROOT), national));
                    rows++;
                }
            }
        }
        return rows;
    }

    private static String row(String id, String source, PersonData p, String email, String phone) {
        return String.join(",", id, source, p.firstName(), p.lastName(), email, phone,
                p.birthDate().toString(), "\"" + p.address() + "\"", p.country()) + "\n";
    }
}
