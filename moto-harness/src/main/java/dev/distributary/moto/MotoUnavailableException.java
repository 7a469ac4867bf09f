package dev.distributary.moto;

/** moto server could not be started or reached; the message says what to do. */
public final class MotoUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final String INSTALL = "pip install \"moto[server]==5.2.1\"";

    public MotoUnavailableException(String message) {
        super(message);
    }

    public MotoUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
