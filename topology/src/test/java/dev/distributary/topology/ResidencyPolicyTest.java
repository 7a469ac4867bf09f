package dev.distributary.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResidencyPolicyTest {
    private final Topology shipped = TopologyLoader.load(Platforms.SHIPPED);
    private final ResidencyPolicy policy = shipped.residency();

    @Test
    void euPersonal_isPermittedOnlyInEuWest1() {
        assertThat(policy.permits("eu-personal", "eu-west-1")).isTrue();
        assertThat(policy.permits("eu-personal", "us-east-1")).isFalse();
        assertThat(policy.permits("eu-personal", "ap-southeast-2")).isFalse();
    }

    @Test
    void unknownClass_isPermittedNowhere() {
        assertThat(policy.permits("secret", "us-east-1")).isFalse();
        assertThat(policy.regionsOf("secret")).isEmpty();
    }

    @Test
    void mayFlow_requiresBothEndsInTheZone() {
        assertThat(policy.mayFlow("public", "us-east-1", "ap-southeast-2")).isTrue();
        assertThat(policy.mayFlow("eu-personal", "eu-west-1", "eu-west-1")).isTrue();
        assertThat(policy.mayFlow("eu-personal", "eu-west-1", "us-east-1")).isFalse();
        assertThat(policy.mayFlow("eu-personal", "us-east-1", "eu-west-1")).isFalse();
    }

    @Test
    void permitsAll_isFalseWhenAnyRegionIsOutsideTheZone() {
        assertThat(policy.permitsAll("public", shipped.regions())).isTrue();
        assertThat(policy.permitsAll("eu-personal", shipped.regions())).isFalse();
        assertThat(policy.firstForbidden("eu-personal", shipped.regions())).contains("us-east-1");
    }

    @Test
    void shippedPlatform_hasNoViolations() {
        assertThat(ResidencyPolicy.violations(shipped)).isEmpty();
    }

    @Test
    void tableWhoseClassIsNarrowerThanItsZone_violatesAtTheFirstForbiddenReplica() {
        TableSpec leaky = new TableSpec(
                "leaky",
                new KeyAttribute("id", KeyType.S),
                Optional.empty(),
                "global",
                Optional.of("eu-personal"),
                "entityType",
                OriginStamp.defaults());
        Topology topology = new Topology(
                shipped.name(),
                shipped.regions(),
                shipped.routing(),
                policy,
                List.of(leaky),
                shipped.processor(),
                new FanoutSpec(FanoutType.STANDARD, List.of()));

        assertThat(ResidencyPolicy.violations(topology)).singleElement().satisfies(v -> {
            assertThat(v.table()).isEqualTo("leaky");
            assertThat(v.dataClass()).isEqualTo("eu-personal");
            assertThat(v.region()).isEqualTo("us-east-1");
            assertThat(v.message()).contains("would replicate class 'eu-personal' to us-east-1");
        });
    }
}
