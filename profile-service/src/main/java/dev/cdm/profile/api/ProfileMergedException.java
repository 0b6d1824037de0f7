package dev.cdm.profile.api;

/** A command reached a profile that was merged away; the caller should address the survivor. */
public class ProfileMergedException extends IllegalStateException {

    private final String survivorProfileId;

    public ProfileMergedException(String profileId, String survivorProfileId) {
        super("Profile " + profileId + " was merged into " + survivorProfileId);
        this.survivorProfileId = survivorProfileId;
    }

    public String survivorProfileId() {
        return survivorProfileId;
    }
}
