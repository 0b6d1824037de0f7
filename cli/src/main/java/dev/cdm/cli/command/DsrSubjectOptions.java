package dev.cdm.cli.command;

import dev.cdm.proto.v1.SubjectRef;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** Who a data-subject request is about and who asks: the options every request command shares. */
final class DsrSubjectOptions {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()./-]{4,}");

    @Option(names = "--subject", required = true, paramLabel = "ID|EMAIL|PHONE",
            description = "A profile id, or an email or phone that exactly one profile holds.")
    private String subject;

    @Option(names = "--requested-by", paramLabel = "WHO",
            description = "Who asked, for the audit trail (default: this user's login name).")
    private String requestedBy;

    SubjectRef subject() {
        return subjectRef(subject.strip());
    }

    String requestedBy() {
        return requestedBy != null ? requestedBy : System.getProperty("user.name", "cdm");
    }

    /** An email has an @, a phone is digits and separators; anything else is a profile id. */
    static SubjectRef subjectRef(String subject) {
        if (subject.contains("@")) {
            return SubjectRef.newBuilder().setEmail(subject).build();
        }
        if (PHONE.matcher(subject).matches()) {
            return SubjectRef.newBuilder().setPhone(subject).build();
        }
        return SubjectRef.newBuilder().setProfileId(subject).build();
    }
}
