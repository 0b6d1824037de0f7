package dev.cdm.kernel.events;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Source records were read outside a profile: rejected records listed ({@code data} "rejects", each record named with
 * the keyed HMACs of its emails and phones so that an access request finds it), or every record's link to its profile
 * exported ({@code data} "links", no records named: it concerns every subject). Part of the audit trail of personal
 * data: it names fields, never their values.
 */
@EventType("cdm.audit.RecordsRead")
@Revision("1")
public record RecordsReadEvent(String data, String caller, String via, List<AuditedRecord> records,
                               List<String> fieldsInClear, List<String> fieldsMasked, String policyVersion,
                               Instant readAt) {

    public RecordsReadEvent {
        records = List.copyOf(records);
        fieldsInClear = List.copyOf(fieldsInClear);
        fieldsMasked = List.copyOf(fieldsMasked);
    }

    /** A record read, by its key and the keyed HMACs of its identifiers. */
    public record AuditedRecord(SourceRecordKey key, List<String> identifierKeys) {

        public AuditedRecord {
            identifierKeys = List.copyOf(identifierKeys);
        }
    }
}
