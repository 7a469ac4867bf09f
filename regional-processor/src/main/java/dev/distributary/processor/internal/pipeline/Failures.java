package dev.distributary.processor.internal.pipeline;

/** How a failure is described in a reason or a log line. */
public final class Failures {
    private Failures() {}

    public static String describe(Throwable failure) {
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
