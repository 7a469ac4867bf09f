package dev.distributary.topology.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/** topology keeps its own list of region codes (its main code may not use the SDK); it must agree with the SDK's. */
class RegionListTest {
    private static final Set<String> PARTITIONS_SERVED = Set.of("aws", "aws-cn", "aws-us-gov");

    @Test
    void everyRegionTopologyAccepts_isKnownToTheSdk() {
        Set<String> sdk = Region.regions().stream().map(Region::id).collect(Collectors.toSet());

        assertThat(sdk).containsAll(AwsRegions.codes());
    }

    @Test
    void everyRegionOfTheSdksServedPartitions_isAcceptedByTopology() {
        Set<String> sdk = Region.regions().stream()
                .filter(r -> !r.isGlobalRegion()
                        && r.metadata() != null
                        && PARTITIONS_SERVED.contains(r.metadata().partition().id()))
                .map(Region::id)
                .collect(Collectors.toSet());

        assertThat(AwsRegions.codes()).containsAll(sdk);
    }
}
