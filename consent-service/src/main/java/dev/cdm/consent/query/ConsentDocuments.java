package dev.cdm.consent.query;

import dev.cdm.consent.api.LegalHold;
import dev.cdm.consent.api.SubjectConsentsView;
import dev.cdm.kernel.events.ConsentDecision;
import dev.cdm.kernel.events.ConsentProof;
import dev.cdm.kernel.events.ConsentStatus;
import dev.cdm.kernel.events.LegalBasis;
import dev.cdm.kernel.events.Purpose;
import dev.cdm.kernel.events.SaleOptOut;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/** Maps consent views to MongoDB documents and back; absent values are left out of the document. */
final class ConsentDocuments {

    private ConsentDocuments() {
    }

    static Document toDocument(SubjectConsentsView view) {
        Document doc = new Document("_id", view.subjectId())
                .append("consents", view.consents().stream().map(ConsentDocuments::consent).toList());
        if (view.saleOptOut() != null) {
            doc.append("saleOptOut", new Document("optedOut", view.saleOptOut().optedOut())
                    .append("source", view.saleOptOut().source())
                    .append("recordedAt", date(view.saleOptOut().recordedAt())));
        }
        putIfPresent(doc, "restrictedBy", view.restrictedBy());
        if (view.legalHold() != null) {
            doc.append("legalHold", new Document("holdId", view.legalHold().holdId())
                    .append("reason", view.legalHold().reason())
                    .append("placedBy", view.legalHold().placedBy())
                    .append("placedAt", date(view.legalHold().placedAt())));
        }
        putIfPresent(doc, "mergedInto", view.mergedInto());
        return doc.append("version", view.version());
    }

    static SubjectConsentsView toView(Document doc) {
        List<ConsentDecision> consents = doc.getList("consents", Document.class).stream()
                .map(ConsentDocuments::consent)
                .toList();
        Document optOut = doc.get("saleOptOut", Document.class);
        SaleOptOut saleOptOut = optOut == null ? null : new SaleOptOut(optOut.getBoolean("optedOut"),
                optOut.getString("source"), instant(optOut.getDate("recordedAt")));
        Document hold = doc.get("legalHold", Document.class);
        LegalHold legalHold = hold == null ? null : new LegalHold(hold.getString("holdId"), hold.getString("reason"),
                hold.getString("placedBy"), instant(hold.getDate("placedAt")));
        return new SubjectConsentsView(doc.getString("_id"), consents, saleOptOut, doc.getString("restrictedBy"),
                legalHold, doc.getString("mergedInto"), doc.getLong("version"));
    }

    private static Document consent(ConsentDecision consent) {
        Document doc = new Document("purpose", consent.purpose().name())
                .append("channel", consent.channel())
                .append("status", consent.status().name())
                .append("legalBasis", consent.legalBasis().name());
        if (consent.proof() != null) {
            doc.append("proof", proof(consent.proof()));
        }
        putIfPresent(doc, "expiresAt", date(consent.expiresAt()));
        return doc.append("recordedAt", date(consent.recordedAt()));
    }

    private static ConsentDecision consent(Document doc) {
        Document proof = doc.get("proof", Document.class);
        return new ConsentDecision(Purpose.valueOf(doc.getString("purpose")), doc.getString("channel"),
                ConsentStatus.valueOf(doc.getString("status")), LegalBasis.valueOf(doc.getString("legalBasis")),
                proof == null ? null : proof(proof), instant(doc.getDate("expiresAt")),
                instant(doc.getDate("recordedAt")));
    }

    private static Document proof(ConsentProof proof) {
        Document doc = new Document();
        putIfPresent(doc, "source", proof.source());
        putIfPresent(doc, "capturedAt", date(proof.capturedAt()));
        putIfPresent(doc, "policyVersion", proof.policyVersion());
        putIfPresent(doc, "captureMethod", proof.captureMethod());
        putIfPresent(doc, "textSha256", proof.textSha256());
        return doc;
    }

    private static ConsentProof proof(Document doc) {
        return new ConsentProof(doc.getString("source"), instant(doc.getDate("capturedAt")),
                doc.getString("policyVersion"), doc.getString("captureMethod"), doc.getString("textSha256"));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static void putIfPresent(Document doc, String key, Object value) {
        if (value != null) {
            doc.append(key, value);
        }
    }
}
