package dev.distributary.processor.internal;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/** Whether a failure may go away on retry: throttling, server-side errors, timeouts and network trouble do. */
public final class Failures {
    private Failures() {
    }

    public static boolean isTransient(Throwable failure) {
        if (failure instanceof SdkServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500 || service.statusCode() == 0;
        }
        return failure instanceof SdkClientException;
    }

    public static String describe(Throwable failure) {
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
