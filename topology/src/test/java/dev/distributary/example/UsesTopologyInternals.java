package dev.distributary.example;

import dev.distributary.topology.internal.AwsRegions;

/** A class of another module that reaches into topology's internal package: what ModuleBoundaries refuses. */
public final class UsesTopologyInternals {
    private UsesTopologyInternals() {}

    public static boolean known(String region) {
        return AwsRegions.isKnown(region);
    }
}
