package dev.distributary.change;

/** Stream-record JSON that cannot be read as a change; the message says which field and why. */
public final class MalformedRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedRecordException(String message) {
        super(message);
    }
}
