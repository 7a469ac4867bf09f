package dev.distributary.local.chaos;

import dev.distributary.local.esm.Invoker;
import dev.distributary.local.function.InvocationResult;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers every batch twice, as an event source mapping may: invokes the function with the
 * payload, then again with the same payload, and answers with the second result (a retry after a
 * lost response looks like this). Counts the repeated invocations.
 */
final class TwiceInvoker implements Invoker {
    private final Invoker target;
    private final AtomicLong repeated;

    public TwiceInvoker(Invoker target, AtomicLong repeated) {
        this.target = target;
        this.repeated = repeated;
    }

    @Override
    public InvocationResult invoke(String payload) {
        target.invoke(payload);
        repeated.incrementAndGet();
        return target.invoke(payload);
    }
}
