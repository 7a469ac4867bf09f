package dev.distributary.infra;

import com.pulumi.test.Mocks;
import dev.distributary.infra.synth.OfflineCloud;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Pulumi mocks for the tests: every resource registration and data-source call the program
 * makes is recorded as the public {@link Mocks} interface sees it; outputs and answers come from
 * synth's {@link OfflineCloud} (ARNs in account {@value OfflineCloud#ACCOUNT}).
 */
final class RecordingCloud implements Mocks {
    final List<ResourceArgs> resources = Collections.synchronizedList(new ArrayList<>());
    final List<CallArgs> calls = Collections.synchronizedList(new ArrayList<>());
    private final OfflineCloud cloud;

    RecordingCloud(String region) {
        this.cloud = new OfflineCloud(region);
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        resources.add(args);
        return cloud.newResourceAsync(args);
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        calls.add(args);
        return cloud.callAsync(args);
    }
}
