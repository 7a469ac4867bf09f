package dev.distributary.topology;

import java.util.Objects;

/** How writes and processing are spread over the regions. */
public record Routing(RoutingMode mode, String primary) {
    public Routing {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(primary, "primary");
    }
}
