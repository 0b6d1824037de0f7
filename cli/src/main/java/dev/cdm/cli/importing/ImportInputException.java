package dev.cdm.cli.importing;

/** The import file, its header or the mapping cannot be used; the message names the problem and where it is. */
public final class ImportInputException extends RuntimeException {

    public ImportInputException(String message) {
        super(message);
    }
}
