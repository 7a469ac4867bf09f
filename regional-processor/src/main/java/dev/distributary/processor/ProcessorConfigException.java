package dev.distributary.processor;

/** The function's environment does not describe a usable processor; the message lists what to fix. */
public final class ProcessorConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProcessorConfigException(String message) {
        super(message);
    }

    public ProcessorConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
