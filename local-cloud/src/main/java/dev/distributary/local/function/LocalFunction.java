package dev.distributary.local.function;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Lambda function run locally the way Lambda runs it: each concurrent invocation gets an
 * execution environment (a child JVM under AWS's Runtime Interface Client), environments are
 * reused while they live, a deadline kills the environment, and the next invocation then
 * starts a fresh one (a cold start).
 */
public final class LocalFunction implements AutoCloseable {
    private final FunctionConfig config;
    private final RuntimeInterfaceClient ric;
    private final ClassDataArchives archives;
    private final Map<String, String> platformEnvironment;
    private final Semaphore concurrency;
    private final Deque<FunctionInstance> idle = new ArrayDeque<>();
    private final List<FunctionInstance> all = new ArrayList<>();
    private final AtomicInteger coldStarts = new AtomicInteger();
    private final AtomicLong invocations = new AtomicLong();
    private volatile boolean closed;

    /**
     * A function whose JVMs share class data through the user's cache ({@link ClassDataArchives#userCache()}).
     *
     * @param workDirectory       where the RIC's JNI library is unpacked
     * @param platformEnvironment what the platform puts in every environment (credentials, endpoint, PATH)
     */
    public LocalFunction(FunctionConfig config, Path workDirectory, Map<String, String> platformEnvironment) {
        this(config, RuntimeInterfaceClient.locate(workDirectory), ClassDataArchives.userCache(), platformEnvironment);
    }

    private LocalFunction(
            FunctionConfig config,
            RuntimeInterfaceClient ric,
            ClassDataArchives archives,
            Map<String, String> platformEnvironment) {
        this.config = config;
        this.ric = ric;
        this.archives = archives;
        this.platformEnvironment = Map.copyOf(platformEnvironment);
        this.concurrency = new Semaphore(config.maxInstances(), true);
    }

    /** Another function with the same code, configuration and environment, whose JVMs use these archives. */
    public LocalFunction withClassDataArchives(ClassDataArchives other) {
        return new LocalFunction(config, ric, other, platformEnvironment);
    }

    /** The class-data archive this function's next JVM maps, if there is one yet. */
    public Optional<Path> classDataArchive() {
        return archives.existing(classPath(), javaToolOptions());
    }

    /** The class path of this function's JVMs: its code, then the Runtime Interface Client. */
    List<Path> classPath() {
        return FunctionInstance.classPath(config, ric);
    }

    String javaToolOptions() {
        return FunctionInstance.javaToolOptions(config, platformEnvironment);
    }

    public FunctionConfig config() {
        return config;
    }

    /** Invokes the function synchronously with a JSON payload, as the event source mapping does. */
    public InvocationResult invoke(String payload) {
        if (closed) {
            return new InvocationResult.Crashed("function " + config.name() + " is shut down");
        }
        concurrency.acquireUninterruptibly();
        FunctionInstance instance = null;
        try {
            instance = acquire();
            invocations.incrementAndGet();
            return instance.invoke(payload);
        } finally {
            release(instance);
            concurrency.release();
        }
    }

    /**
     * Starts one more environment ahead of the first invocations (up to the function's
     * concurrency) and waits until it is ready; returns its initialisation time.
     */
    public Duration warmUp() {
        FunctionInstance instance;
        synchronized (this) {
            if (all.size() >= config.maxInstances()) {
                return Duration.ZERO;
            }
            instance = FunctionInstance.start(config, ric, archives, platformEnvironment, coldStarts.incrementAndGet());
            all.add(instance);
        }
        Duration init = instance.awaitReady(Duration.ofSeconds(60));
        release(instance);
        return init;
    }

    public int coldStarts() {
        return coldStarts.get();
    }

    public long invocations() {
        return invocations.get();
    }

    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            all.forEach(FunctionInstance::close);
            all.clear();
            idle.clear();
        }
    }

    private synchronized FunctionInstance acquire() {
        while (!idle.isEmpty()) {
            FunctionInstance instance = idle.pop();
            if (instance.isAlive()) {
                return instance;
            }
            all.remove(instance);
        }
        FunctionInstance instance =
                FunctionInstance.start(config, ric, archives, platformEnvironment, coldStarts.incrementAndGet());
        all.add(instance);
        return instance;
    }

    private synchronized void release(FunctionInstance instance) {
        if (instance == null) {
            return;
        }
        if (instance.isAlive() && !closed) {
            idle.push(instance);
        } else {
            instance.close();
            all.remove(instance);
        }
    }
}
