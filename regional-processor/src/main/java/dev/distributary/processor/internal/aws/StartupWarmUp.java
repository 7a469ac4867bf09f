package dev.distributary.processor.internal.aws;

import com.amazonaws.xray.AWSXRay;
import java.security.GeneralSecurityException;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.slf4j.LoggerFactory;

/**
 * What a cold start needs that depends on nothing the function is configured with, prepared on two
 * threads of their own while the handler's constructor reads its configuration, builds its clients
 * and primes them: Log4j's configuration (Powertools logging's JSON layouts) on one; on the other
 * the JDK's TLS (its security providers and trust store, which the HTTP client's TLS context reads
 * and the JDK keeps), the embedded-metrics serializers a batch's first metrics line would otherwise
 * build, and X-Ray's recorder. Together about a third of a cold start's CPU, taken off the thread
 * the constructor runs on (Lambda's init phase is observed to run with more CPU than an invocation;
 * the local host has two cores). The constructor waits for both before it returns, so that no batch
 * logs through a configuration still being built; a logger asked for meanwhile is attached to the
 * configuration once it is built (Log4j updates its loggers on reconfiguration). Each step is best
 * effort: what it skipped, the constructor or the first batch does.
 */
public final class StartupWarmUp {
    private final List<Thread> threads;

    private StartupWarmUp(List<Thread> threads) {
        this.threads = threads;
    }

    /** Starts warming up. */
    public static StartupWarmUp begin() {
        return new StartupWarmUp(List.of(
                start("startup-logging", () -> LoggerFactory.getLogger(StartupWarmUp.class)),
                start("startup-warm-up", StartupWarmUp::tls, EmfMetrics::warmUp, AWSXRay::getGlobalRecorder)));
    }

    /** Waits until the warm-up is done. */
    public void await() {
        try {
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread start(String name, Runnable... steps) {
        Thread thread = new Thread(
                () -> {
                    for (Runnable step : steps) {
                        try {
                            step.run();
                        } catch (RuntimeException e) {
                            // best effort: whoever needs it next does it
                        }
                    }
                },
                name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** A TLS context with the JDK's default trust managers: loads the security providers and the trust store. */
    private static void tls() {
        try {
            SSLContext.getInstance("TLS").init(null, null, null);
        } catch (GeneralSecurityException e) {
            // best effort: the HTTP client builds its own context anyway
        }
    }
}
