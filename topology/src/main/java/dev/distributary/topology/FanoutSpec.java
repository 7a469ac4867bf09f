package dev.distributary.topology;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The regional SNS → SQS fan-out: its type and its consumers. */
public record FanoutSpec(FanoutType type, List<ConsumerSpec> consumers) {
    public FanoutSpec {
        Objects.requireNonNull(type, "type");
        consumers = List.copyOf(consumers);
    }

    public Optional<ConsumerSpec> consumer(String name) {
        return consumers.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
