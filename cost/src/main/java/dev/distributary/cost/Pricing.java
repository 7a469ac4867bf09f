package dev.distributary.cost;

import java.util.Objects;

/** A design's cost for the platform, or why that design cannot serve the platform at all. */
public sealed interface Pricing {
    Design design();

    /** The design serves the platform; its cost, component by component. */
    record Priced(DesignCost cost) implements Pricing {
        public Priced {
            Objects.requireNonNull(cost, "cost");
        }

        @Override
        public Design design() {
            return cost.design();
        }
    }

    /** The design cannot serve the platform, so it is not priced; {@code reason} says why, with its source. */
    record NotAvailable(Design design, String reason) implements Pricing {
        public NotAvailable {
            Objects.requireNonNull(design, "design");
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException(design.label() + ": a design that is not priced needs a reason");
            }
        }
    }
}
