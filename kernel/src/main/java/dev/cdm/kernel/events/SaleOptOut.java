package dev.cdm.kernel.events;

import java.time.Instant;

/**
 * The CCPA/CPRA "do not sell or share my personal information" choice: {@code optedOut} true forbids selling or
 * sharing the subject's data, false lifts an earlier opt-out. {@code source} says where it was captured (e.g.
 * "web-privacy-link", "gpc-signal").
 */
public record SaleOptOut(boolean optedOut, String source, Instant recordedAt) {
}
