package dev.distributary.cost.internal;

import dev.distributary.cost.Component;
import dev.distributary.cost.ComponentCost;
import dev.distributary.cost.Design;
import dev.distributary.cost.DesignCost;
import dev.distributary.cost.Workload;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Collects one design's units and dollars per second, component by component; what is never added costs nothing. */
public final class Bill {
    private final Map<Component, double[]> lines = new EnumMap<>(Component.class);

    /** Adds units per second (in the component's unit) and dollars per second. */
    public Bill add(Component component, double unitsPerSecond, double usdPerSecond) {
        double[] line = lines.computeIfAbsent(component, c -> new double[2]);
        line[0] += unitsPerSecond;
        line[1] += usdPerSecond;
        return this;
    }

    /** The design's cost per event and per month at {@code eventsPerSecond}. */
    public DesignCost cost(Design design, double eventsPerSecond) {
        List<ComponentCost> components = new ArrayList<>();
        for (Component component : Component.values()) {
            double[] line = lines.getOrDefault(component, new double[2]);
            components.add(new ComponentCost(
                    component,
                    line[0] / eventsPerSecond,
                    line[1] / eventsPerSecond * 1_000_000,
                    line[1] * Workload.SECONDS_PER_MONTH));
        }
        return new DesignCost(design, components);
    }
}
