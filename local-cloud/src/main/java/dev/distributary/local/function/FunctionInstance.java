package dev.distributary.local.function;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One execution environment: a child JVM running the function under AWS's Runtime Interface
 * Client, served by its own {@link RuntimeApi}. It serves invocations one at a time until it
 * is killed (deadline) or dies.
 */
final class FunctionInstance implements AutoCloseable {
    private static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();
    /**
     * How long initialisation may take before the invocation fails. Lambda allows 10 s; a JVM
     * started on a busy developer machine (several at once, after a crash) needs more.
     */
    static final Duration INIT_LIMIT = Duration.ofSeconds(30);

    static final String JAVA_TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";

    private final FunctionConfig config;
    private final RuntimeApi api;
    private final Process process;
    private final ClassDataLaunch classData;
    private final List<String> launcher;
    private final long startedNanos = System.nanoTime();

    @SuppressWarnings(
            "FutureReturnValueIgnored") // the exit hook has no result to wait for: failAll settles every waiting
    // invocation
    private FunctionInstance(
            FunctionConfig config, RuntimeApi api, Process process, ClassDataLaunch classData, List<String> launcher) {
        this.config = config;
        this.api = api;
        this.process = process;
        this.classData = classData;
        this.launcher = launcher;
        process.onExit().thenRun(() -> api.failAll(new InvocationResult.Crashed(exitReason())));
    }

    static FunctionInstance start(
            FunctionConfig config,
            RuntimeInterfaceClient ric,
            ClassDataArchives archives,
            Map<String, String> platformEnvironment,
            int ordinal) {
        RuntimeApi api;
        try {
            api = new RuntimeApi(config.arn());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a Runtime API server for " + config.name(), e);
        }
        ProcessBuilder builder = new ProcessBuilder();
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.putAll(hostClock());
        environment.putAll(platformEnvironment);
        environment.putAll(config.environment());
        environment.put("AWS_LAMBDA_RUNTIME_API", api.address());
        environment.put("AWS_LAMBDA_FUNCTION_NAME", config.name());
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(config.memoryMb()));
        environment.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + config.name());
        environment.put("AWS_LAMBDA_LOG_STREAM_NAME", "local/" + ordinal);
        environment.put("AWS_REGION", config.region());
        environment.put("AWS_DEFAULT_REGION", config.region());
        List<Path> classPath = classPath(config, ric);
        List<String> launcher = launcher(config);
        ClassDataLaunch classData = archives.launch(classPath, javaToolOptions(config, platformEnvironment));
        List<String> command = new ArrayList<>(launcher);
        command.addAll(classData.jvmOptions());
        command.addAll(List.of(
                "-D" + RuntimeInterfaceClient.JNI_PROPERTY + "=" + ric.jniLibrary(),
                "-cp",
                classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
                RuntimeInterfaceClient.MAIN_CLASS,
                config.handler()));
        builder.command(command);
        builder.redirectErrorStream(true);
        if (config.logDirectory().isPresent()) {
            File log = config.logDirectory()
                    .get()
                    .resolve(config.region() + "-" + config.name() + "-" + ordinal + ".log")
                    .toFile();
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        } else {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        try {
            return new FunctionInstance(config, api, builder.start(), classData, launcher);
        } catch (IOException e) {
            api.close(); // a training marker left behind expires (ClassDataArchives.TRAINING_MARKER_LIFETIME)
            throw new UncheckedIOException("cannot start the JVM for function " + config.name(), e);
        }
    }

    /**
     * The JVM as Lambda's Java runtime starts it: the heap bounded by the function's memory, the
     * serial collector, the JDK's class data shared. Compilation and any other options come from the
     * function's {@code JAVA_TOOL_OPTIONS}, as on Lambda (the platform sets {@code
     * ProcessorEnvironment.JVM_OPTIONS} there, for the stacks and the local run alike).
     */
    static List<String> launcher(FunctionConfig config) {
        return List.of(
                JAVA, "-Xmx" + Math.max(64, config.memoryMb() * 3 / 4) + "m", "-XX:+UseSerialGC", "-Xshare:auto");
    }

    /** The options the function's JVM reads from its environment (its own variables win over the platform's). */
    static String javaToolOptions(FunctionConfig config, Map<String, String> platformEnvironment) {
        return config.environment()
                .getOrDefault(JAVA_TOOL_OPTIONS, platformEnvironment.getOrDefault(JAVA_TOOL_OPTIONS, ""));
    }

    /** The function's code, then the Runtime Interface Client. */
    static List<Path> classPath(FunctionConfig config, RuntimeInterfaceClient ric) {
        return Stream.concat(config.code().stream(), ric.classpath().stream())
                .map(Path::toAbsolutePath)
                .toList();
    }

    /**
     * The host's clock settings, kept in the function's otherwise clean environment: under
     * libfaketime (as {@code scripts/test-at-a-later-date} runs the tests) the functions must see
     * the time the event source mapping and the emulator see, or every deadline it sends is off by
     * the shift.
     */
    private static Map<String, String> hostClock() {
        Map<String, String> clock = new HashMap<>();
        System.getenv().forEach((name, value) -> {
            if (name.equals("LD_PRELOAD") || name.startsWith("FAKETIME")) {
                clock.put(name, value);
            }
        });
        return clock;
    }

    /**
     * Runs one invocation; kills the instance when the deadline passes. As on Lambda, the deadline
     * runs from when the runtime takes the invocation, so a cold start's initialisation (at most
     * {@link #INIT_LIMIT}) does not eat into it.
     */
    InvocationResult invoke(String payload) {
        RuntimeApi.Invocation invocation = api.submit(payload, config.timeout());
        try {
            try {
                CompletableFuture.anyOf(invocation.started(), invocation.result())
                        .get(INIT_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                InvocationResult slow = new InvocationResult.Crashed("the runtime did not take the invocation within "
                        + INIT_LIMIT.toSeconds() + " s of initialisation");
                invocation.result().complete(slow);
                kill();
                return slow;
            }
            if (invocation.result().isDone()) {
                return invocation.result().get();
            }
            long left = invocation.started().get() + config.timeout().toMillis() - System.currentTimeMillis();
            return invocation.result().get(Math.max(0, left), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            InvocationResult timedOut = new InvocationResult.TimedOut(config.timeout());
            invocation.result().complete(timedOut);
            kill();
            return timedOut;
        } catch (ExecutionException e) {
            return new InvocationResult.Crashed(String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            return new InvocationResult.Crashed("interrupted while waiting for the function");
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until the runtime asks for its first invocation (initialisation done), or the timeout passes. */
    Duration awaitReady(Duration timeout) {
        try {
            api.firstPoll().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // reported by the first invocation
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** Kills the JVM at once: a deadline passed, or it hangs. */
    synchronized void kill() {
        classData.kill(process);
        api.close();
    }

    ClassDataLaunch classData() {
        return classData;
    }

    /** Stops the JVM when it is no longer wanted (a training one writes its class-data archive first: {@link ClassDataLaunch#stop}). */
    @Override
    public synchronized void close() {
        classData.stop(process, launcher);
        api.close();
    }

    private String exitReason() {
        String init = api.initError();
        return "exit code " + process.exitValue()
                + (init == null ? "" : " after an initialisation error (" + init + ")");
    }
}
