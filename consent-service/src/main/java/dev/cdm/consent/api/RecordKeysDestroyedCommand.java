package dev.cdm.consent.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The request's data keys were destroyed: {@code keyIds} are the keys that were live until then.
 * {@code identifierKeys} are the keyed HMACs of the subject's emails and phones, read before the keys went.
 */
public record RecordKeysDestroyedCommand(@TargetAggregateIdentifier String requestId, List<String> keyIds,
                                         List<String> identifierKeys, Instant destroyedAt) {
}
