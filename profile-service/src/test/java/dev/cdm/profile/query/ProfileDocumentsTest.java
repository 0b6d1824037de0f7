package dev.cdm.profile.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdm.kernel.events.LinkDecision;
import dev.cdm.kernel.events.PersonData;
import dev.cdm.kernel.events.SourceRecordKey;
import dev.cdm.profile.api.LinkedRecordView;
import dev.cdm.profile.api.ProfileView;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class ProfileDocumentsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final SourceRecordKey WEB = new SourceRecordKey("web", "w-1");
    private static final LinkDecision SPLIT = new LinkDecision(LinkDecision.RULE_SPLIT, null, 0, List.of(), "p-0",
            "two people");

    @Test
    void aRecordsDecision_roundTrips() {
        ProfileView view = ProfileView.created("p-1", T0, 0).withRecord(WEB, PersonData.empty(), T0, SPLIT, 1);

        assertThat(ProfileDocuments.toView(ProfileDocuments.toDocument(view, Optional.empty())).records())
                .extracting(LinkedRecordView::decision).containsExactly(SPLIT);
    }

    /** Written from a revision 1 link without a decision before the upcaster existed: reads as the upcaster's. */
    @Test
    void aRecordDocumentWithoutADecision_readsAsFounding() {
        ProfileView view = ProfileView.created("p-1", T0, 0).withRecord(WEB, PersonData.empty(), T0, SPLIT, 1);
        Document stored = ProfileDocuments.toDocument(view, Optional.empty());
        stored.getList("records", Document.class).get(0).remove("decision");

        assertThat(ProfileDocuments.toView(stored).records()).extracting(LinkedRecordView::decision)
                .containsExactly(LinkDecision.founding());
    }
}
