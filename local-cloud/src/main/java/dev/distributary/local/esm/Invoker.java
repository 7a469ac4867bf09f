package dev.distributary.local.esm;

import dev.distributary.local.function.InvocationResult;

/** Invokes the mapped function synchronously with a {@code DynamodbEvent} JSON payload. */
@FunctionalInterface
public interface Invoker {
    InvocationResult invoke(String payload);
}
