package dev.distributary.local.internal.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distributary.local.internal.proxy.Upstreams;
import dev.distributary.moto.AwsClients;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

class EmulatorsTest {

    @Test
    void perRegion_startsOneEmulatorForEachRegion_andStopsThemAllOnClose() {
        Upstreams upstreams;
        try (Emulators emulators = Emulators.perRegion(List.of("eu-west-1", "us-east-1"))) {
            upstreams = emulators.upstreams();
            assertThat(upstreams.byRegion()).containsOnlyKeys("eu-west-1", "us-east-1");
            assertThat(upstreams.forRegion("eu-west-1")).isNotEqualTo(upstreams.forRegion("us-east-1"));
            assertThat(upstreams.forRegion("ap-southeast-2")).isEqualTo(upstreams.forRegion("eu-west-1"));
            assertThat(emulators.describe()).contains("one moto server per region (eu-west-1, us-east-1)");
            try (AwsClients usEast = new AwsClients(upstreams.forRegion("us-east-1"))) {
                assertThat(usEast.sqs("us-east-1").listQueues().queueUrls()).isEmpty();
            }
        }
        URI stopped = upstreams.forRegion("us-east-1");
        try (AwsClients usEast = new AwsClients(stopped)) {
            assertThatThrownBy(() -> usEast.sqs("us-east-1").listQueues()).isInstanceOf(SdkClientException.class);
        }
    }

    @Test
    void perRegion_withoutRegions_isRefused() {
        assertThatThrownBy(() -> Emulators.perRegion(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one region");
    }
}
