package dev.cdm.consent.grpc;

import com.google.protobuf.Timestamp;
import dev.cdm.kernel.events.ConsentProof;
import dev.cdm.kernel.events.RecordsReadEvent.AuditedRecord;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.kernel.grpc.FieldViolations;
import dev.cdm.kernel.security.ReadPolicy;
import dev.cdm.proto.v1.AccessedRecord;
import dev.cdm.proto.v1.DecideReadsRequest;
import dev.cdm.proto.v1.PersonFields;
import dev.cdm.proto.v1.RecordAccessRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks and normalizes the free-form fields of consent requests, recording what is wrong under the proto name. */
final class RequestFields {

    static final int MAX_SUBJECT_ID = 200;
    static final int MAX_CHANNEL = 50;
    static final int MAX_PROOF_TEXT = 200;
    static final int MAX_SUBJECTS = 100;
    static final int MAX_ROLES = 100;
    static final int MAX_ROLE = 100;
    static final int MAX_ACCESSED_RECORDS = 1000;
    static final int MAX_IDENTIFIER_KEYS = 20;
    static final int MAX_FIELDS = 50;
    static final int MAX_NAME = 200;
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    /** The range protobuf allows for a Timestamp: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z. */
    private static final long MIN_SECONDS = -62_135_596_800L;
    private static final long MAX_SECONDS = 253_402_300_799L;

    private RequestFields() {
    }

    /** The stripped subject id; null with a violation when it is blank or too long. */
    static String subjectId(String value, FieldViolations violations) {
        return violations.requiredText("subject_id", value, MAX_SUBJECT_ID);
    }

    /** The subject ids of a decision request, stripped: 1 to {@value #MAX_SUBJECTS} of them. */
    static List<String> subjectIds(List<String> values, FieldViolations violations) {
        if (values.isEmpty() || values.size() > MAX_SUBJECTS) {
            violations.add("subject_ids", "give 1 to " + MAX_SUBJECTS + " subject ids");
            return List.of();
        }
        List<String> subjectIds = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            subjectIds.add(violations.requiredText("subject_ids[" + i + "]", values.get(i), MAX_SUBJECT_ID));
        }
        return subjectIds;
    }

    /**
     * The person fields (and the activity) a read answers with, or null (the whole profile) when the request names
     * none; a name that is neither a field of PersonFields nor {@code activity} is a violation.
     */
    static Set<String> personFields(DecideReadsRequest request, FieldViolations violations) {
        if (!request.hasPersonFields()) {
            return null;
        }
        List<String> names = request.getPersonFields().getFieldsList();
        int most = PersonFields.getDescriptor().getFields().size() + 1;
        if (names.size() > most) {
            violations.add("person_fields.fields", "at most " + most + " fields");
            return Set.of();
        }
        Set<String> fields = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            if (!ReadPolicy.isWithholdable(names.get(i))) {
                violations.add("person_fields.fields[" + i + "]", "is neither a field of cdm.v1.PersonFields nor "
                        + ReadPolicy.ACTIVITY);
            } else {
                fields.add(names.get(i));
            }
        }
        return fields;
    }

    static Set<String> roles(List<String> values, FieldViolations violations) {
        if (values.size() > MAX_ROLES) {
            violations.add("caller_roles", "at most " + MAX_ROLES + " roles");
            return Set.of();
        }
        Set<String> roles = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String role = violations.optionalText("caller_roles[" + i + "]", values.get(i), MAX_ROLE);
            if (role != null) {
                roles.add(role);
            }
        }
        return roles;
    }

    /** What a RecordAccess request audits: "rejects" (with 1 to 1000 records) or "links" (with none). */
    static String accessedData(RecordAccessRequest request, FieldViolations violations) {
        switch (request.getData()) {
            case ACCESSED_DATA_REJECTS -> {
                if (request.getRecordsCount() == 0 || request.getRecordsCount() > MAX_ACCESSED_RECORDS) {
                    violations.add("records", "give the 1 to " + MAX_ACCESSED_RECORDS + " rejected records read");
                }
                return "rejects";
            }
            case ACCESSED_DATA_LINKS -> {
                if (request.getRecordsCount() > 0) {
                    violations.add("records", "an export of links concerns every record: name none");
                }
                return "links";
            }
            default -> {
                violations.add("data", "required: rejects or links");
                return null;
            }
        }
    }

    static List<AuditedRecord> accessedRecords(List<AccessedRecord> records, FieldViolations violations) {
        List<AuditedRecord> audited = new ArrayList<>(records.size());
        for (int i = 0; i < Math.min(records.size(), MAX_ACCESSED_RECORDS); i++) {
            AccessedRecord record = records.get(i);
            String at = "records[" + i + "]";
            String source = violations.requiredText(at + ".key.source", record.getKey().getSource(), MAX_NAME);
            String id = violations.requiredText(at + ".key.source_record_id", record.getKey().getSourceRecordId(),
                    MAX_NAME);
            if (record.getIdentifierKeysCount() > MAX_IDENTIFIER_KEYS) {
                violations.add(at + ".identifier_keys", "at most " + MAX_IDENTIFIER_KEYS);
            }
            List<String> keys = new ArrayList<>();
            for (int k = 0; k < Math.min(record.getIdentifierKeysCount(), MAX_IDENTIFIER_KEYS); k++) {
                keys.add(violations.requiredText(at + ".identifier_keys[" + k + "]", record.getIdentifierKeys(k),
                        MAX_NAME));
            }
            if (source != null && id != null) {
                audited.add(new AuditedRecord(new SourceRecordKey(source, id), keys));
            }
        }
        return audited;
    }

    /** The names of the fields a read returned: 1 to {@value #MAX_FIELDS}. */
    static List<String> fieldNames(List<String> values, FieldViolations violations) {
        if (values.isEmpty() || values.size() > MAX_FIELDS) {
            violations.add("fields", "name the 1 to " + MAX_FIELDS + " fields read");
            return List.of();
        }
        List<String> fields = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            fields.add(violations.requiredText("fields[" + i + "]", values.get(i), MAX_NAME));
        }
        return fields;
    }

    /** The channel stripped and lower-cased; {@code ""} (every channel) when not given. */
    static String channel(String value, FieldViolations violations) {
        String channel = violations.optionalText("channel", value, MAX_CHANNEL);
        return channel == null ? "" : channel.toLowerCase(Locale.ROOT);
    }

    /** The proof with blank fields left out; null when nothing at all was given. */
    static ConsentProof proof(dev.cdm.proto.v1.ConsentProof proof, FieldViolations violations) {
        ConsentProof result = new ConsentProof(
                violations.optionalText("proof.source", proof.getSource(), MAX_PROOF_TEXT),
                proof.hasCapturedAt() ? instant(proof.getCapturedAt(), "proof.captured_at", violations) : null,
                violations.optionalText("proof.policy_version", proof.getPolicyVersion(), MAX_PROOF_TEXT),
                violations.optionalText("proof.capture_method", proof.getCaptureMethod(), MAX_PROOF_TEXT),
                sha256(proof.getTextSha256(), violations));
        return result.equals(new ConsentProof(null, null, null, null, null)) ? null : result;
    }

    static dev.cdm.proto.v1.ConsentProof toProto(ConsentProof proof) {
        dev.cdm.proto.v1.ConsentProof.Builder proto = dev.cdm.proto.v1.ConsentProof.newBuilder();
        if (proof.source() != null) proto.setSource(proof.source());
        if (proof.capturedAt() != null) proto.setCapturedAt(ConsentGrpcMapper.timestamp(proof.capturedAt()));
        if (proof.policyVersion() != null) proto.setPolicyVersion(proof.policyVersion());
        if (proof.captureMethod() != null) proto.setCaptureMethod(proof.captureMethod());
        if (proof.textSha256() != null) proto.setTextSha256(proof.textSha256());
        return proto.build();
    }

    /** The instant to the millisecond; null with a violation outside the range protobuf allows. */
    static Instant instant(Timestamp timestamp, String field, FieldViolations violations) {
        if (timestamp.getSeconds() < MIN_SECONDS || timestamp.getSeconds() > MAX_SECONDS
                || timestamp.getNanos() < 0 || timestamp.getNanos() > 999_999_999) {
            violations.add(field, "is not a valid timestamp (0001-01-01 to 9999-12-31 UTC)");
            return null;
        }
        return ConsentGrpcMapper.toMillis(Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos()));
    }

    private static String sha256(String value, FieldViolations violations) {
        if (value.isBlank()) {
            return null;
        }
        String hex = value.strip();
        if (!SHA256_HEX.matcher(hex).matches()) {
            violations.add("proof.text_sha256", "must be 64 hexadecimal characters (a SHA-256 digest)");
            return null;
        }
        return hex.toLowerCase(Locale.ROOT);
    }

}
