package dev.cdm.consent.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdm.consent.api.DataSubjectRequestView;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The evidence of an erasure: its certificate's content (ids, times, key ids, what each service purged) in a
 * canonical JSON form (fixed member order, services sorted), and the SHA-256 of that form. Anyone holding a
 * certificate can recompute the hash from it.
 */
public final class ErasureCertificates {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ErasureCertificates() {
    }

    public static String evidenceSha256(DataSubjectRequestView request, Instant completedAt) {
        try {
            byte[] canonical = MAPPER.writeValueAsString(canonical(request, completedAt))
                    .getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Could not hash the erasure evidence", e);
        }
    }

    static ObjectNode canonical(DataSubjectRequestView request, Instant completedAt) {
        ObjectNode root = MAPPER.createObjectNode()
                .put("requestId", request.requestId())
                .put("requestedBy", request.requestedBy())
                .put("requestedAt", request.requestedAt().toString())
                .put("recordCount", request.recordCount());
        request.profileIds().forEach(root.putArray("profileIds")::add);
        ArrayNode keys = root.putArray("destroyedKeyIds");
        request.destroyedKeyIds().forEach(keys::add);
        root.put("keysDestroyedAt", String.valueOf(request.keysDestroyedAt()));
        ArrayNode acks = root.putArray("acknowledgements");
        request.acknowledgements().forEach((service, ack) -> {
            ObjectNode node = acks.addObject().put("service", service)
                    .put("acknowledgedAt", ack.acknowledgedAt().toString());
            ArrayNode purged = node.putArray("purged");
            ack.purged().forEach(store -> purged.addObject().put("store", store.store())
                    .put("removed", store.removed()));
        });
        root.put("completedAt", completedAt.toString());
        return root;
    }
}
