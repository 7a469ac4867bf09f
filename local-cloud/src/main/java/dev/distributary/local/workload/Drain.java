package dev.distributary.local.workload;

import dev.distributary.local.LocalPlatform;
import dev.distributary.local.esm.EventSourceMapping;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Waits, after the last write, until the platform has done what it will do: every expected
 * delivery has arrived and replication is idle (then a short settle, so that a duplicate has time
 * to show), or nothing has moved for a while although every event source mapping is caught up
 * (its last poll found nothing and nothing is in flight), or a function's policy denied one of its
 * calls and nothing has arrived since, or the deadline passes.
 */
public final class Drain {
    private static final Duration SETTLE = Duration.ofSeconds(3);

    private final LocalPlatform platform;
    private final DeliveryRecorder recorder;
    private final Duration quiet;

    /**
     * @param quiet how long nothing may arrive before a caught-up platform counts as finished; longer than
     *              any retry the run may wait for (an abandoned idempotency claim expires after the function's timeout)
     */
    public Drain(LocalPlatform platform, DeliveryRecorder recorder, Duration quiet) {
        this.platform = platform;
        this.recorder = recorder;
        this.quiet = quiet;
    }

    /** Returns when the platform is done or {@code timeout} has passed; true when every wanted key arrived. */
    public boolean await(Collection<String> wantedKeys, Duration timeout) {
        Set<String> wanted = Set.copyOf(wantedKeys);
        long deadline = System.nanoTime() + timeout.toNanos();
        int lastCount = -1;
        long lastChange = System.nanoTime();
        while (System.nanoTime() < deadline) {
            List<Delivery> deliveries = recorder.deliveries();
            Set<String> arrived = deliveries.stream().map(Delivery::key).collect(Collectors.toSet());
            boolean replicationIdle = platform.replicator().pending() == 0;
            boolean complete = arrived.containsAll(wanted);
            if (deliveries.size() != lastCount) {
                lastCount = deliveries.size();
                lastChange = System.nanoTime();
            }
            long still = System.nanoTime() - lastChange;
            if (complete && replicationIdle && still > SETTLE.toNanos() && mappingsIdle()) {
                return true;
            }
            if (!complete && replicationIdle && still > quiet.toNanos() && mappingsIdle()) {
                return false;
            }
            if (!complete && platform.proxy().iam().deniedCount() > 0 && still > SETTLE.toNanos()) {
                return false; // a function's role refuses one of its calls: retrying will not change that, and the run
                // has failed
            }
            sleep(Duration.ofMillis(250));
        }
        return recorder.deliveries().stream()
                .map(Delivery::key)
                .collect(Collectors.toSet())
                .containsAll(wanted);
    }

    private boolean mappingsIdle() {
        return platform.mappings().values().stream().flatMap(List::stream).allMatch(EventSourceMapping::isIdle);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
