package dev.cdm.cli.importing;

/** Results of an import by outcome; {@code merged} counts the profiles merged away, {@code droppedFields} fields. */
public record ImportCounts(long accepted, long rejected, long created, long linked, long updated, long unchanged,
                           long merged, long droppedFields) {

    public long answered() {
        return accepted + rejected;
    }
}
