package dev.cdm.consent.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The read model of one data subject: the decision in force per purpose and channel, ordered by purpose, then
 * channel. {@code version} is the sequence number of the last event applied.
 */
public record SubjectConsentsView(String subjectId, List<ConsentView> consents, long version) {

    private static final Comparator<ConsentView> ORDER = Comparator
            .comparing(ConsentView::purpose)
            .thenComparing(ConsentView::channel);

    public SubjectConsentsView {
        Objects.requireNonNull(subjectId, "subjectId");
        consents = List.copyOf(consents);
    }

    public static SubjectConsentsView empty(String subjectId) {
        return new SubjectConsentsView(subjectId, List.of(), -1);
    }

    /** This view with {@code decision} replacing the one for its purpose and channel, as of event {@code version}. */
    public SubjectConsentsView with(ConsentView decision, long version) {
        List<ConsentView> next = new ArrayList<>(consents.stream()
                .filter(c -> c.purpose() != decision.purpose() || !c.channel().equals(decision.channel()))
                .toList());
        next.add(decision);
        next.sort(ORDER);
        return new SubjectConsentsView(subjectId, next, version);
    }
}
