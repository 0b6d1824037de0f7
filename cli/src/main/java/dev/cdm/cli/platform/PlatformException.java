package dev.cdm.cli.platform;

/** An expected failure of the platform lifecycle; the message alone tells the user what went wrong and where. */
public class PlatformException extends RuntimeException {

    public PlatformException(String message) {
        super(message);
    }

    public PlatformException(String message, Throwable cause) {
        super(message, cause);
    }
}
