package dev.cdm.profile.api;

/** A command reached a profile that was erased: nothing can be added to it any more. */
public class ProfileErasedException extends IllegalStateException {

    public ProfileErasedException(String profileId) {
        super("Profile " + profileId + " was erased on request; it takes no records");
    }
}
