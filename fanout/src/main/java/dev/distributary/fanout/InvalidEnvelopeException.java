package dev.distributary.fanout;

/**
 * A message that is not a Distributary event envelope: not JSON, not CloudEvents 1.0 structured
 * JSON, or with a missing or malformed attribute or data field. The message names what is wrong.
 */
public class InvalidEnvelopeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidEnvelopeException(String message) {
        super(message);
    }

    public InvalidEnvelopeException(String message, Throwable cause) {
        super(message, cause);
    }
}
