package dev.distributary.infra.synth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * One resource as the program registers it with the engine.
 *
 * @param type     the Pulumi type token, for example {@code aws:sqs/queue:Queue}
 * @param name     its logical name in the stack
 * @param parent   the logical name of its parent component; empty for the stack's own children
 * @param provider the logical name of its explicit provider (another region); empty for the stack's region
 * @param inputs   its inputs, keys sorted at every level, secrets as {@value Synthesizer#SECRET}
 */
public record SynthResource(
        String type, String name, Optional<String> parent, Optional<String> provider, ObjectNode inputs) {
    public SynthResource {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(inputs, "inputs");
    }

    /** Whether it is one of Distributary's components (which AWS never sees) rather than a cloud resource. */
    public boolean isComponent() {
        return type.startsWith("distributary:");
    }
}
