package dev.distributary.benchmarks.calls;

import dev.distributary.local.Instrumentation;
import java.nio.file.Path;

/** The two designs a comparison run deploys on the local platform. */
public enum ComparedDesign {
    /** The regional processor as shipped: FilterCriteria, origin classification, idempotent PublishBatch. */
    DISTRIBUTARY,
    /** What a team would otherwise build: every record of every replica's stream, one Publish each, no idempotency. */
    NAIVE;

    public static final String NAIVE_HANDLER = "dev.distributary.benchmarks.naive.NaiveHandler::handleRequest";

    /** How the local platform runs this design; {@code naiveCode} holds the naive handler. */
    public Instrumentation instrumentation(Path naiveCode) {
        return this == DISTRIBUTARY
                ? Instrumentation.none()
                : Instrumentation.none().withReplacementFunction(naiveCode, NAIVE_HANDLER);
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
