package dev.cdm.consent.grpc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import dev.cdm.consent.api.DataSubjectRequestView;
import dev.cdm.consent.api.RecordConsentCommand;
import dev.cdm.consent.grpc.ProfileDirectory.ResolvedSubject;
import dev.cdm.consent.policy.CurrentLedgers;
import dev.cdm.consent.query.DataSubjectRequestRepository;
import dev.cdm.kernel.events.CdmEventTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds the answer to an access request (GDPR Art. 15, portability Art. 20): one JSON document of everything held
 * about the subject. The profile with every source record (values as sent and normalized, provenance and match
 * decisions), the history of the profile and of each profile merged into it, the consents in force and every
 * consent event, the records ingestion refused (with what was sent), and the data-subject requests about them. It
 * is built on demand and handed to the requester; nothing of it is stored.
 */
@ApplicationScoped
public class SubjectExport {

    static final String FORMAT = "cdm.subject-export.v1";
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final JsonFormat.Printer PROTO = JsonFormat.printer().preservingProtoFieldNames();

    @Inject
    ProfileDirectory directory;

    @Inject
    CurrentLedgers ledgers;

    @Inject
    SubjectRejects rejects;

    @Inject
    DataSubjectRequestRepository requests;

    @Inject
    EventStore events;

    @ConfigProperty(name = "cdm.erasure.participants")
    List<String> participants;

    /** The export of {@code subject}, made for request {@code requestId} at {@code at}, as pretty-printed JSON. */
    public String of(ResolvedSubject subject, String requestId, Instant at) {
        ObjectNode export = JSON.createObjectNode()
                .put("format", FORMAT)
                .put("request_id", requestId)
                .put("generated_at", at.toString())
                .put("profile_id", subject.profileId());
        export.set("merged_profile_ids", JSON.valueToTree(subject.mergedProfileIds()));
        export.set("profile", proto(subject.profile()));
        ObjectNode histories = export.putObject("history");
        subject.allProfileIds().forEach(id -> histories.set(id, proto(directory.history(id))));
        export.set("consents", proto(ConsentGrpcMapper.toProto(subject.profileId(),
                ledgers.governing(subject.profileId()))));
        ArrayNode consentEvents = export.putArray("consent_events");
        subject.allProfileIds().forEach(id -> consentEventsOf(id, consentEvents));
        ArrayNode rejected = export.putArray("rejected_records");
        rejects.of(subject).forEach(reject -> rejected.add(proto(reject)));
        ArrayNode dsrs = export.putArray("data_subject_requests");
        for (DataSubjectRequestView request : requests.about(subject.allProfileIds())) {
            dsrs.add(proto(DataSubjectRequestGrpcMapper.toProto(request, participants, at)));
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(export);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void consentEventsOf(String subjectId, ArrayNode into) {
        DomainEventStream stream = events.readEvents(RecordConsentCommand.aggregateIdOf(subjectId));
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            ObjectNode entry = into.addObject()
                    .put("subject_id", subjectId)
                    .put("sequence", event.getSequenceNumber())
                    .put("type", CdmEventTypes.storedName(event.getPayloadType()))
                    .put("at", event.getTimestamp().toString());
            entry.set("event", JSON.valueToTree(event.getPayload()));
        }
    }

    private static ObjectNode proto(MessageOrBuilder message) {
        try {
            return (ObjectNode) JSON.readTree(PROTO.print(message));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("not printable as JSON: " + message.getClass(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
