package dev.cdm.profile.activity;

import dev.cdm.kernel.events.Activity;

/** A valid activity and the customer it is for. */
public record JudgedActivity(Customer customer, Activity activity) {
}
