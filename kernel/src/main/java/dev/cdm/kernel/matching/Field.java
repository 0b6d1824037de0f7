package dev.cdm.kernel.matching;

/** The compared fields, in the order evidence is reported. */
public enum Field {
    GIVEN_NAME, SURNAME, BIRTH_DATE, ADDRESS, POSTCODE, LOCALITY, STATE, COUNTRY, EMAIL, PHONE, EXTERNAL_ID
}
