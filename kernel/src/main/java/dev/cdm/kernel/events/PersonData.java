package dev.cdm.kernel.events;

import java.time.LocalDate;

/** Person fields of one source record; null means "not given". */
public record PersonData(
        @PersonalData String firstName,
        @PersonalData String lastName,
        @PersonalData String email,
        @PersonalData String phone,
        @PersonalData LocalDate birthDate,
        @PersonalData String address,
        String country) {

    /** This record's fields, each replaced by {@code newer}'s value where {@code newer} has one. */
    public PersonData overlaidWith(PersonData newer) {
        return new PersonData(
                pick(newer.firstName, firstName),
                pick(newer.lastName, lastName),
                pick(newer.email, email),
                pick(newer.phone, phone),
                pick(newer.birthDate, birthDate),
                pick(newer.address, address),
                pick(newer.country, country));
    }

    public static PersonData empty() {
        return new PersonData(null, null, null, null, null, null, null);
    }

    private static <T> T pick(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
