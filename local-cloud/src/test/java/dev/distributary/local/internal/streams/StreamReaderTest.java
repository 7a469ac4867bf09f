package dev.distributary.local.internal.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every shard of a stream is read, parents before children, and a failure resumes where it stopped (shard lineage cannot happen on moto). */
class StreamReaderTest {
    private static final Instant T = Instant.parse("2026-11-26T10:00:00Z");

    private final InMemoryStream stream = new InMemoryStream();
    private final StreamReader reader = new StreamReader(stream);
    private final List<String> handled = new ArrayList<>();

    private void append(String shard, String key) {
        stream.append(shard, key, "INSERT", T, "eu-west-1");
    }

    private int poll() {
        return reader.poll(100, record -> handled.add(record.partitionKey()));
    }

    @Test
    void everyOpenShard_isRead() {
        stream.shard("a", Optional.empty()).shard("b", Optional.empty());
        append("a", "1");
        append("b", "2");

        assertThat(poll()).isEqualTo(2);
        assertThat(handled).containsExactly("1", "2");
        assertThat(reader.openShards()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void childrenOfASplit_areReadOnlyAfterTheirParentIsReadToItsEnd() {
        stream.shard("parent", Optional.empty())
                .shard("left", Optional.of("parent"))
                .shard("right", Optional.of("parent"));
        append("parent", "1");
        append("left", "3");
        append("right", "4");

        poll();
        assertThat(handled).containsExactly("1");
        assertThat(reader.openShards()).containsExactly("parent");

        append("parent", "2");
        stream.close("parent");
        poll();
        assertThat(handled).containsExactly("1", "2");

        poll();
        assertThat(handled).containsExactly("1", "2", "3", "4");
        assertThat(reader.openShards()).containsExactlyInAnyOrder("left", "right");
    }

    @Test
    void aShardWhoseParentIsNoLongerListed_isReadFromItsStart() {
        stream.shard("child", Optional.of("trimmed-parent"));
        append("child", "1");

        poll();

        assertThat(handled).containsExactly("1");
    }

    @Test
    void afterAFailure_readingResumesAtTheRecordThatFailed_withoutReadingEarlierOnesAgain() {
        stream.shard("a", Optional.empty());
        append("a", "1");
        append("a", "2");
        append("a", "3");

        assertThatThrownBy(() -> reader.poll(100, record -> {
                    if (record.partitionKey().equals("2")) {
                        throw new IllegalStateException("boom");
                    }
                    handled.add(record.partitionKey());
                }))
                .hasMessage("boom");
        reader.reopen();
        poll();

        assertThat(handled).containsExactly("1", "2", "3");
    }
}
