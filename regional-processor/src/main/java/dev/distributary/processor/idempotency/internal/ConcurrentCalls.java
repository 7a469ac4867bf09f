package dev.distributary.processor.idempotency.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs one call per item, a bounded number at a time: the items are dealt into that many slices,
 * each slice's calls made in order on one pooled thread (as many round trips in flight as one
 * task per item would give, with a hand-off per slice instead of per item).
 */
public final class ConcurrentCalls {
    private final ExecutorService pool;
    private final int concurrency;

    /** What one call gave. */
    public sealed interface Result<T> {
        record Value<T>(T value) implements Result<T> {}

        record Failure<T>(RuntimeException cause) implements Result<T> {}
    }

    public ConcurrentCalls(ExecutorService pool, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, not " + concurrency);
        }
        this.pool = pool;
        this.concurrency = concurrency;
    }

    /** Each item's result, in the items' order. */
    public <I, T> List<Result<T>> each(List<I> items, Function<I, T> call) {
        int slices = Math.min(concurrency, items.size());
        List<Future<List<Result<T>>>> futures = new ArrayList<>(slices);
        for (int slice = 0; slice < slices; slice++) {
            int first = slice;
            futures.add(pool.submit(() -> {
                List<Result<T>> results = new ArrayList<>();
                for (int i = first; i < items.size(); i += slices) {
                    results.add(call(call, items.get(i)));
                }
                return results;
            }));
        }
        @SuppressWarnings("unchecked")
        Result<T>[] results = new Result[items.size()];
        for (int slice = 0; slice < slices; slice++) {
            List<Result<T>> sliceResults = sliceResults(futures.get(slice), items.size());
            for (int i = slice, k = 0; i < items.size(); i += slices, k++) {
                results[i] = sliceResults.get(k);
            }
        }
        return Arrays.asList(results);
    }

    private static <I, T> Result<T> call(Function<I, T> call, I item) {
        try {
            return new Result.Value<>(call.apply(item));
        } catch (RuntimeException e) {
            return new Result.Failure<>(e);
        }
    }

    private static <T> List<Result<T>> sliceResults(Future<List<Result<T>>> future, int size) {
        RuntimeException failure;
        try {
            return future.get();
        } catch (ExecutionException e) {
            failure = e.getCause() instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException("a ledger call failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new IllegalStateException("interrupted while waiting for ledger calls", e);
        }
        List<Result<T>> failed = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            failed.add(new Result.Failure<>(failure));
        }
        return failed;
    }
}
