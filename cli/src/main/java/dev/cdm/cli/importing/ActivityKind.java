package dev.cdm.cli.importing;

/** What an activity import file holds: one purchase or one interaction per row. */
public enum ActivityKind {
    PURCHASES,
    INTERACTIONS
}
