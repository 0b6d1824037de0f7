package dev.cdm.kernel.events;

import java.time.Instant;

/** Evidence of how a consent decision was captured. {@code textSha256} is the hash of the notice shown. */
public record ConsentProof(String source, Instant capturedAt, String policyVersion, String captureMethod,
                           String textSha256) {
}
