package dev.cdm.kernel.events;

/**
 * An event of one data subject's consent stream ({@code consent:<subject id>}): a decision, a sale opt-out, a
 * restriction, a legal hold, or a merge. Consumers that treat them alike (fold them, evict a cache) handle this type.
 */
public interface SubjectConsentEvent {

    String subjectId();
}
