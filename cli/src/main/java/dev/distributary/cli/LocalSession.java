package dev.distributary.cli;

import dev.distributary.local.LocalPlatform;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running local platform and its work directory, stopped exactly once: by the command when it
 * ends (normally or with an error), or by the JVM's shutdown when the user presses Ctrl-C, which
 * then says so on {@code messages}.
 */
final class LocalSession implements AutoCloseable {
    private final LocalPlatform platform;
    private final WorkDirectory work;
    private final PrintWriter messages;
    private final Thread onShutdown = new Thread(this::interrupted, "distributary-shutdown");
    private final AtomicBoolean stopped = new AtomicBoolean();

    LocalSession(LocalPlatform platform, WorkDirectory work, PrintWriter messages) {
        this.platform = platform;
        this.work = work;
        this.messages = messages;
        Runtime.getRuntime().addShutdownHook(onShutdown);
    }

    LocalPlatform platform() {
        return platform;
    }

    /** Stops the platform and removes a temporary work directory; false when it had already stopped. */
    boolean stop() {
        if (!stopped.compareAndSet(false, true)) {
            return false;
        }
        try {
            platform.close();
        } finally {
            work.close();
        }
        return true;
    }

    /** What {@link #stop()} did, for people: one line. */
    String stoppedLine() {
        int functions = platform.functions().size();
        String what = "replication and " + functions + (functions == 1 ? " processor" : " processors");
        return "Distributary stopped: "
                + platform.options()
                        .endpoint()
                        .map(url -> what + " (the emulator at " + url + " keeps running)")
                        .orElse("moto server, " + what)
                + (work.temporary() ? "; removed " + work.path() : "; logs kept in " + work.path());
    }

    private void interrupted() {
        if (stop()) {
            messages.println();
            messages.println(stoppedLine() + " (interrupted).");
            messages.flush();
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(onShutdown);
        } catch (IllegalStateException shuttingDown) {
            return; // the hook is stopping it
        }
        stop();
    }
}
