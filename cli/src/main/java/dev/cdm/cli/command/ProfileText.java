package dev.cdm.cli.command;

import dev.cdm.cli.output.Table;
import dev.cdm.cli.output.Text;
import dev.cdm.proto.v1.LinkedSourceRecord;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.Profile;
import dev.cdm.proto.v1.ProfileAttribute;
import dev.cdm.proto.v1.SourceRecordKey;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The human view of one profile: its unified fields, then the source records behind them. */
final class ProfileText {

    private ProfileText() {
    }

    static void print(PrintWriter out, Profile profile) {
        out.println("Profile " + profile.getProfileId() + " (version " + profile.getVersion() + ", created "
                + Text.time(profile.getCreatedAt()) + ", updated " + Text.time(profile.getUpdatedAt()) + ")");
        if (!profile.getMergedInto().isEmpty()) {
            out.println("Merged into " + profile.getMergedInto() + ": read that profile instead.");
        }
        PersonFields person = profile.getPerson();
        Map<String, ProfileAttribute> provenance = new HashMap<>();
        profile.getAttributesList().forEach(attribute -> provenance.put(attribute.getField(), attribute));
        Table fields = new Table("  FIELD", "VALUE", "FROM (RULE; OTHER VALUES IN)");
        row(fields, "first name", person.getFirstName(), provenance.get("first_name"));
        row(fields, "last name", person.getLastName(), provenance.get("last_name"));
        row(fields, "email", person.getEmail(), provenance.get("email"));
        row(fields, "phone", person.getPhone(), provenance.get("phone"));
        row(fields, "birth date", person.getBirthDate(), provenance.get("birth_date"));
        row(fields, "address", person.getAddress(), provenance.get("address"));
        row(fields, "postal code", person.getPostalCode(), provenance.get("postal_code"));
        row(fields, "locality", person.getLocality(), provenance.get("locality"));
        row(fields, "region", person.getRegion(), provenance.get("region"));
        row(fields, "country", person.getCountry(), provenance.get("country"));
        person.getExternalIdsMap().forEach((type, value) -> fields.row("  " + type, value, ""));
        fields.print(out);
        out.println("Source records (" + profile.getSourceRecordsCount() + "):");
        Table records = new Table("  SOURCE", "RECORD ID", "RECEIVED", "EMAIL", "PHONE");
        for (LinkedSourceRecord record : profile.getSourceRecordsList()) {
            records.row("  " + record.getKey().getSource(), record.getKey().getSourceRecordId(),
                    Text.time(record.getReceivedAt()), Text.orDash(record.getPerson().getEmail()),
                    Text.orDash(record.getPerson().getPhone()));
        }
        records.print(out);
    }

    private static void row(Table fields, String name, String value, ProfileAttribute attribute) {
        fields.row("  " + name, Text.orDash(value), attribute == null ? "" : provenance(attribute));
    }

    /** e.g. {@code web/w-1 (most-recent; also crm/c-1)}. */
    private static String provenance(ProfileAttribute attribute) {
        String from = key(attribute.getSource()) + " (" + attribute.getRule();
        if (attribute.getAlternatesCount() > 0) {
            from += "; also " + attribute.getAlternatesList().stream().map(ProfileText::key)
                    .collect(Collectors.joining(", "));
        }
        return from + ")";
    }

    private static String key(SourceRecordKey key) {
        return key.getSource() + "/" + key.getSourceRecordId();
    }
}
