package dev.cdm.cli;

/** Exit codes that scripts can rely on; documented in cli/README.md. */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    /** Picocli's own code for a command line it cannot parse. */
    public static final int USAGE = 2;
    /** A service cannot be reached; also {@code status} when the platform is not (fully) up. */
    public static final int UNAVAILABLE = 3;
    public static final int NOT_FOUND = 4;
    public static final int INVALID_ARGUMENT = 5;
    /** No valid login (UNAUTHENTICATED), or one without the role a call needs (PERMISSION_DENIED). */
    public static final int NOT_AUTHORIZED = 6;

    private ExitCodes() {
    }
}
