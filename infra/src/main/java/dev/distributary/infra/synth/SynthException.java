package dev.distributary.infra.synth;

/** The program could not be run offline; the message says why. */
public final class SynthException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SynthException(String message) {
        super(message);
    }

    public SynthException(String message, Throwable cause) {
        super(message, cause);
    }
}
