package dev.distributary.processor.internal.aws;

import com.amazonaws.xray.AWSXRay;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What a cold start needs that depends on nothing the function is configured with, prepared on a
 * thread of its own while the handler's constructor reads its configuration, builds its clients and
 * primes them: Log4j's configuration (Powertools logging's JSON layouts), the embedded-metrics
 * serializers a batch's first metrics line would otherwise build, and X-Ray's recorder. Together
 * about a third of a cold start's CPU, which a second CPU can take (Lambda's init phase is observed
 * to run with more CPU than an invocation; the local host has two cores). The constructor waits for
 * it before it returns, so that no batch logs through a configuration still being built; a logger
 * asked for meanwhile is attached to the configuration once it is built (Log4j updates its loggers
 * on reconfiguration). Each step is best effort: what it skipped, the first batch does.
 */
public final class StartupWarmUp {
    private final Thread thread;

    private StartupWarmUp(Thread thread) {
        this.thread = thread;
    }

    /** Starts warming up. */
    public static StartupWarmUp begin() {
        List<Runnable> steps = List.of(
                () -> LoggerFactory.getLogger(StartupWarmUp.class), EmfMetrics::warmUp, AWSXRay::getGlobalRecorder);
        Thread thread = new Thread(
                () -> steps.forEach(step -> {
                    try {
                        step.run();
                    } catch (RuntimeException e) {
                        // best effort: the first batch does what this skipped
                    }
                }),
                "startup-warm-up");
        thread.setDaemon(true);
        thread.start();
        return new StartupWarmUp(thread);
    }

    /** Waits until the warm-up is done. */
    public void await() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
