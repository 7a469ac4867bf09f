package dev.distributary.cost;

import java.util.Objects;

/**
 * One component's cost in one design.
 *
 * @param component        the line of the bill
 * @param unitsPerEvent    billed units per event, in {@link Component#unit()}
 * @param usdPerMillion    dollars per million events
 * @param usdPerMonth      dollars per 30-day month at the workload's rate
 */
public record ComponentCost(Component component, double unitsPerEvent, double usdPerMillion, double usdPerMonth) {
    public ComponentCost {
        Objects.requireNonNull(component, "component");
        for (double value : new double[] {unitsPerEvent, usdPerMillion, usdPerMonth}) {
            if (!Double.isFinite(value) || value < 0) {
                throw new IllegalArgumentException(component.label() + ": figures must be finite and >= 0");
            }
        }
    }
}
