package dev.distributary.local.esm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distributary.local.function.InvocationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** An in-process function for the mapping's tests: records every batch it is given and answers as told. */
final class RecordingFunction implements Invoker {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<List<String>, InvocationResult> behaviour;
    private final List<List<String>> batches = new CopyOnWriteArrayList<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger concurrent = new AtomicInteger();
    private final AtomicInteger maxConcurrent = new AtomicInteger();
    private final Duration work;

    RecordingFunction(Function<List<String>, InvocationResult> behaviour) {
        this(behaviour, Duration.ZERO);
    }

    RecordingFunction(Function<List<String>, InvocationResult> behaviour, Duration work) {
        this.behaviour = behaviour;
        this.work = work;
    }

    static InvocationResult ok() {
        return new InvocationResult.Success("{\"batchItemFailures\":[]}", Duration.ZERO);
    }

    static InvocationResult failedFrom(String sequence) {
        return new InvocationResult.Success(
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"" + sequence + "\"}]}", Duration.ZERO);
    }

    static InvocationResult error() {
        return new InvocationResult.FunctionError("java.lang.RuntimeException", "poison");
    }

    @Override
    public InvocationResult invoke(String payload) {
        int now = concurrent.incrementAndGet();
        maxConcurrent.accumulateAndGet(now, Math::max);
        try {
            List<String> sequences = new ArrayList<>();
            JsonNode event = JSON.readTree(payload);
            events.add(event);
            event.get("Records")
                    .forEach(r -> sequences.add(
                            r.get("dynamodb").get("SequenceNumber").asText()));
            batches.add(List.copyOf(sequences));
            if (!work.isZero()) {
                Thread.sleep(work.toMillis());
            }
            return behaviour.apply(sequences);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error();
        } finally {
            concurrent.decrementAndGet();
        }
    }

    List<List<String>> batches() {
        return List.copyOf(batches);
    }

    /** Every event the function was given, in order. */
    List<JsonNode> events() {
        return List.copyOf(events);
    }

    List<Integer> batchSizes() {
        return batches.stream().map(List::size).toList();
    }

    int maxConcurrent() {
        return maxConcurrent.get();
    }
}
