package dev.cdm.consent.grpc;

import dev.cdm.kernel.events.Regulation;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The legal deadline of a data-subject request, by the regulation it is made under (configurable). */
@ApplicationScoped
public class DsrDeadlines {

    @ConfigProperty(name = "cdm.dsr.deadline.gdpr")
    Period gdpr;

    @ConfigProperty(name = "cdm.dsr.deadline.ccpa")
    Period ccpa;

    public Instant dueAt(Regulation regulation, Instant requestedAt) {
        Period period = regulation == Regulation.CCPA ? ccpa : gdpr;
        return requestedAt.atZone(ZoneOffset.UTC).plus(period).toInstant();
    }
}
