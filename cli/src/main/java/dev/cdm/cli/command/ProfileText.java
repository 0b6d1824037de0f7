package dev.cdm.cli.command;

import dev.cdm.cli.output.Table;
import dev.cdm.cli.output.Text;
import dev.cdm.proto.v1.LinkedSourceRecord;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.Profile;
import java.io.PrintWriter;

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
        Table fields = new Table("  FIELD", "VALUE")
                .row("  first name", Text.orDash(person.getFirstName()))
                .row("  last name", Text.orDash(person.getLastName()))
                .row("  email", Text.orDash(person.getEmail()))
                .row("  phone", Text.orDash(person.getPhone()))
                .row("  birth date", Text.orDash(person.getBirthDate()))
                .row("  address", Text.orDash(person.getAddress()))
                .row("  postal code", Text.orDash(person.getPostalCode()))
                .row("  locality", Text.orDash(person.getLocality()))
                .row("  region", Text.orDash(person.getRegion()))
                .row("  country", Text.orDash(person.getCountry()));
        person.getExternalIdsMap().forEach((type, value) -> fields.row("  " + type, value));
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
}
