package dev.cdm.profile.activity;

/** The activity names a customer who cannot be found (an unknown profile id) or told apart (several profiles). */
public class UnknownCustomerException extends RuntimeException {

    public UnknownCustomerException(String message) {
        super(message);
    }
}
