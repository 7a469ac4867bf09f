package dev.distributary.change;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamSourceTest {

    @Test
    void streamArn_yieldsRegionTableAndTableArn() {
        StreamSource source = StreamSource.fromArn(
                "arn:aws:dynamodb:ap-southeast-2:123456789012:table/eu-customers/stream/2026-01-01T00:00:00.000");

        assertThat(source.region()).isEqualTo("ap-southeast-2");
        assertThat(source.table()).isEqualTo("eu-customers");
        assertThat(source.tableArn()).isEqualTo("arn:aws:dynamodb:ap-southeast-2:123456789012:table/eu-customers");
    }

    @Test
    void chinaPartitionArn_isAccepted() {
        assertThat(StreamSource.fromArn("arn:aws-cn:dynamodb:cn-north-1:123456789012:table/t1/stream/x")
                        .region())
                .isEqualTo("cn-north-1");
    }
}
