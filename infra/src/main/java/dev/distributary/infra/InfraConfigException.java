package dev.distributary.infra;

/** A stack configuration that cannot be deployed; the message says what to set. */
public final class InfraConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InfraConfigException(String message) {
        super(message);
    }
}
