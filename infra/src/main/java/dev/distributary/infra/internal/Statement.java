package dev.distributary.infra.internal;

import com.pulumi.core.Output;
import java.util.List;
import java.util.Objects;

/**
 * One Allow statement of an identity policy: explicit actions on resources that may be known
 * only once other resources exist.
 */
public record Statement(String sid, List<String> actions, List<Output<String>> resources) {
    public Statement {
        Objects.requireNonNull(sid, "sid");
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        if (actions.isEmpty() || resources.isEmpty()) {
            throw new IllegalArgumentException("statement " + sid + " needs actions and resources");
        }
        actions.stream().filter(a -> a.contains("*")).findFirst().ifPresent(a -> {
            throw new IllegalArgumentException("statement " + sid + ": wildcard action " + a + "; name each action");
        });
    }

    public static Statement of(String sid, List<String> actions, Output<String> resource) {
        return new Statement(sid, actions, List.of(resource));
    }
}
