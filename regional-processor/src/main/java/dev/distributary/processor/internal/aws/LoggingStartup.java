package dev.distributary.processor.internal.aws;

import org.slf4j.LoggerFactory;

/**
 * Log4j's configuration (Powertools logging's JSON layouts among it), built on a thread of its own
 * while the handler's constructor reads its configuration and builds its clients: about a quarter of
 * a cold start's CPU, which a second CPU can take (Lambda's init phase has more CPU than an
 * invocation; the local host has two cores). The constructor waits for it before it returns, so
 * that a batch never logs through a configuration still being built. A logger asked for meanwhile is
 * attached to the configuration once it is built (Log4j updates its loggers on reconfiguration).
 */
public final class LoggingStartup {
    private final Thread thread;

    private LoggingStartup(Thread thread) {
        this.thread = thread;
    }

    /** Starts configuring logging. */
    public static LoggingStartup begin() {
        Thread thread = new Thread(() -> LoggerFactory.getLogger(LoggingStartup.class), "logging-startup");
        thread.setDaemon(true);
        thread.start();
        return new LoggingStartup(thread);
    }

    /** Waits until logging is configured. */
    public void await() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
