package dev.distributary.replication.internal;

/** A stamp attribute of the wrong type or value; its message is the classification's reason. No stack trace: it is an outcome. */
public final class InvalidStamp extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidStamp(String message) {
        super(message, null, false, false);
    }
}
