package dev.distributary.cost;

import java.util.List;
import java.util.Objects;

/** One design's cost, component by component, in {@link Component} order. */
public record DesignCost(Design design, List<ComponentCost> components) {
    public DesignCost {
        Objects.requireNonNull(design, "design");
        components = List.copyOf(components);
        List<Component> order =
                components.stream().map(ComponentCost::component).toList();
        if (!order.equals(List.of(Component.values()))) {
            throw new IllegalArgumentException("a design's cost lists every component once, in order; got " + order);
        }
    }

    @SuppressWarnings("EnumOrdinal") // the constructor refuses a list that is not in Component order
    public ComponentCost component(Component component) {
        return components.get(component.ordinal());
    }

    public double usdPerMillion() {
        return components.stream().mapToDouble(ComponentCost::usdPerMillion).sum();
    }

    public double usdPerMonth() {
        return components.stream().mapToDouble(ComponentCost::usdPerMonth).sum();
    }
}
