package dev.distributary.local.function;

import java.time.Duration;

/** How one invocation ended. */
public sealed interface InvocationResult {

    /** A sentence for logs and failure records. */
    String describe();

    /** The function returned; {@code payload} is its JSON response. */
    record Success(String payload, Duration duration) implements InvocationResult {
        @Override
        public String describe() {
            return "succeeded in " + duration.toMillis() + " ms";
        }
    }

    /** The handler threw (or returned an error) and the runtime reported it. */
    record FunctionError(String errorType, String errorMessage) implements InvocationResult {
        @Override
        public String describe() {
            return "function error " + errorType + ": " + errorMessage;
        }
    }

    /** The deadline passed; the instance was killed and the next invocation starts cold. */
    record TimedOut(Duration timeout) implements InvocationResult {
        @Override
        public String describe() {
            return "timed out after " + timeout.toMillis() + " ms; the instance was stopped";
        }
    }

    /** The instance died before answering (exit, crash, failed initialisation). */
    record Crashed(String reason) implements InvocationResult {
        @Override
        public String describe() {
            return "instance crashed: " + reason;
        }
    }
}
