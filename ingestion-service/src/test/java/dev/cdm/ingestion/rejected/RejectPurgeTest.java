package dev.cdm.ingestion.rejected;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdm.ingestion.api.RejectedBy;
import dev.cdm.ingestion.api.RejectedRecord;
import dev.cdm.ingestion.api.RejectionReason;
import dev.cdm.kernel.crypto.SuppressionKeys;
import dev.cdm.kernel.events.DataKeysDestroyedEvent;
import dev.cdm.kernel.events.ErasedIdentifiers;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.testing.EmbeddedStoresResource;
import dev.cdm.testing.KeycloakResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An erasure purges the subject's rejects: those of its records, and those of records that never reached it. */
@QuarkusTest
@QuarkusTestResource(EmbeddedStoresResource.class)
@QuarkusTestResource(KeycloakResource.class)
class RejectPurgeTest {

    @Inject
    RejectedRecordRepository rejects;

    @Inject
    RejectPurge purge;

    @Inject
    SuppressionKeys identifierKeys;

    @Test
    void anErasure_purgesTheRejectsOfItsRecords_andThoseCarryingTheSubjectsEmailOrPhone_andNoOthers() {
        String source = "purge-" + UUID.randomUUID().toString().substring(0, 8);
        String email = "Olga.Sokolova." + source + "@Mail.ru";
        RejectedRecord ofLinkedRecord = reject(source, "linked", Map.of("first_name", "Olga"));
        RejectedRecord neverLinked = reject(source, "bad-date", Map.of("email", email, "birth_date", "31.02.1984"));
        RejectedRecord byPhone = reject(source, "bad-email", Map.of("email", "olga@", "phone", "8 916 555-12-34",
                "country", "RU"));
        RejectedRecord someoneElse = reject(source, "other", Map.of("email", "anna." + source + "@example.org",
                "phone", "8 916 555-99-99", "country", "RU"));
        List.of(ofLinkedRecord, neverLinked, byPhone, someoneElse).forEach(rejects::store);
        // the subject's identifiers as its profile holds them, written differently from what the sources sent
        List<String> subjectKeys = identifierKeys.of(email.toLowerCase(Locale.ROOT), "+79165551234", "RU");

        var purged = purge.purge(new DataKeysDestroyedEvent("dsr-" + source, List.of("p-1"),
                List.of(new SourceRecordKey(source, "linked")), List.of(),
                ErasedIdentifiers.of("dsr-" + source, subjectKeys), Instant.now()));

        assertThat(purged.get(0).removed()).isEqualTo(3);
        assertThat(rejects.find(ofLinkedRecord.id())).isEmpty();
        assertThat(rejects.find(neverLinked.id())).isEmpty();
        assertThat(rejects.find(byPhone.id())).isEmpty();
        assertThat(rejects.find(someoneElse.id())).isPresent();
    }

    @Test
    void anAccessRequest_findsTheSameRejectsThatAnErasureWouldPurge() {
        String source = "access-" + UUID.randomUUID().toString().substring(0, 8);
        String email = "Olga.Sokolova." + source + "@Mail.ru";
        RejectedRecord ofLinkedRecord = reject(source, "linked", Map.of("first_name", "Olga"));
        RejectedRecord neverLinked = reject(source, "bad-date", Map.of("email", email, "birth_date", "31.02.1984"));
        RejectedRecord someoneElse = reject(source, "other", Map.of("email", "anna." + source + "@example.org"));
        List.of(ofLinkedRecord, neverLinked, someoneElse).forEach(rejects::store);

        var found = rejects.findOfSubject(List.of(new SourceRecordKey(source, "linked")),
                identifierKeys.of(email.toLowerCase(Locale.ROOT), null, null), 100);

        assertThat(found).extracting(reject -> reject.rejected().id())
                .containsExactlyInAnyOrder(ofLinkedRecord.id(), neverLinked.id());
        assertThat(rejects.findOfSubject(List.of(), List.of(), 100)).isEmpty();
    }

    @Test
    void anErasureStoredBeforeIdentifiersWereKept_purgesByRecordAlone() {
        String source = "purge-" + UUID.randomUUID().toString().substring(0, 8);
        RejectedRecord neverLinked = reject(source, "bad-date", Map.of("email", "x@" + source + ".org"));
        rejects.store(neverLinked);

        var purged = purge.purge(new DataKeysDestroyedEvent("dsr-" + source, List.of("p-1"),
                List.of(new SourceRecordKey(source, "linked")), List.of(), null, Instant.now()));

        assertThat(purged.get(0).removed()).isZero();
        assertThat(rejects.find(neverLinked.id())).isPresent();
    }

    private static RejectedRecord reject(String source, String id, Map<String, String> person) {
        return new RejectedRecord(RejectedRecord.idFor(new SourceRecordKey(source, id)), source, id,
                RejectedBy.VALIDATION, "1 invalid field", List.of(new RejectionReason("person.birth_date", "bad")),
                Instant.now(), person, Map.of());
    }
}
