package dev.distributary.cli;

/** A failure the user can act on: its message says what is wrong and what to do. */
public class UserException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public UserException(String message) {
        this(message, Distributary.BAD_INPUT);
    }

    public UserException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
