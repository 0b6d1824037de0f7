package dev.cdm.kernel.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@code cdm.profile.SourceRecordLinked} revision 1 to 2: the link's {@code decision} is always present. Revision 1
 * lacked it before identity resolution (every record then founded its own profile) and left it null afterwards
 * when a record founded or joined the profile named by its record key; both read as a founding link.
 *
 * <p>Only the clear {@code decision} member is added: the sealed personal data is neither opened nor touched. The
 * decision is written as literal JSON, not from {@code LinkDecision}, so that this upcaster keeps producing the
 * revision 2 shape however that class changes later.
 */
final class SourceRecordLinkedUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType("cdm.profile.SourceRecordLinked",
            "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(REVISION_1.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, SourceRecordLinkedUpcaster::withDecision);
    }

    private static JsonNode withDecision(JsonNode payload) {
        ObjectNode event = (ObjectNode) payload.deepCopy();
        if (!event.hasNonNull("decision")) {
            event.set("decision", founding());
        }
        return event;
    }

    /** {@code LinkDecision.founding()} as the serializer writes it in revision 2. */
    private static ObjectNode founding() {
        ObjectNode decision = JsonNodeFactory.instance.objectNode();
        decision.put("rule", "founding");
        decision.putNull("matchedRecord");
        decision.put("score", 0.0);
        decision.putArray("evidence");
        decision.putNull("fromProfileId");
        decision.putNull("note");
        return decision;
    }
}
