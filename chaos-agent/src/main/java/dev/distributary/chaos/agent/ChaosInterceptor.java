package dev.distributary.chaos.agent;

import java.io.PrintStream;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Makes a function die or stall part-way through a batch, from inside its own JVM: before the
 * configured call of an SDK operation within one invocation (the second PublishBatch, say), with
 * the configured probability, it halts the JVM or sleeps past the deadline. The SDK loads it from
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors} for every client of the
 * function, so the function's code is unchanged; it is on the class path only in chaos runs.
 *
 * <p>An invocation is recognised by the trace header the Lambda runtime sets for each one (the
 * system property {@value #TRACE_PROPERTY}); outside a runtime the whole JVM counts as one.
 * Each fault is announced on standard output (the function's log) as one JSON line,
 * {@code {"chaos":"halt","operation":"PublishBatch","call":2}}, before it happens. With a limit,
 * the faults of all of a function's instances together are counted in a file (each fault kills
 * the instance that suffers it, and the next one starts afresh).
 */
public final class ChaosInterceptor implements ExecutionInterceptor {
    static final String TRACE_PROPERTY = "com.amazonaws.xray.traceHeader";

    private final Optional<ChaosSettings> settings;
    private final Supplier<String> invocation;
    private final Fault fault;
    private final Random random;
    private final PrintStream log;
    private final FaultBudget budget;
    private String currentInvocation;
    private int calls;

    /** What the fault does; the JVM's own halt and sleep, except in tests. */
    interface Fault {
        void halt();

        void sleep(long millis);
    }

    /** The agent as the SDK loads it: configured by the process environment. */
    public ChaosInterceptor() {
        this(
                ChaosSettings.fromEnvironment(System.getenv()),
                () -> System.getProperty(TRACE_PROPERTY, ""),
                new Fault() {
                    @Override
                    public void halt() {
                        Runtime.getRuntime().halt(137);
                    }

                    @Override
                    public void sleep(long millis) {
                        try {
                            Thread.sleep(millis);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                },
                System.out,
                Objects.hash(System.getenv("AWS_LAMBDA_LOG_STREAM_NAME"), System.getenv("AWS_REGION")),
                System.getenv("AWS_REGION") + "-" + System.getenv("AWS_LAMBDA_FUNCTION_NAME"));
    }

    /**
     * @param function names the function's fault budget (region and name: every instance of it shares one)
     */
    ChaosInterceptor(
            Optional<ChaosSettings> settings,
            Supplier<String> invocation,
            Fault fault,
            PrintStream log,
            long instanceSalt,
            String function) {
        this.settings = settings;
        this.invocation = invocation;
        this.fault = fault;
        this.log = log;
        this.random = new Random(settings.map(ChaosSettings::seed).orElse(0L) * 31 + instanceSalt);
        this.budget = settings.filter(s -> s.maxFaults() > 0)
                .map(s -> FaultBudget.inFile(
                        s.budgetDirectory().orElseThrow().resolve("faults-" + function), s.maxFaults()))
                .orElse(FaultBudget.UNLIMITED);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (settings.isEmpty()) {
            return;
        }
        ChaosSettings chaos = settings.get();
        if (!chaos.operation().equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
            return;
        }
        int call;
        synchronized (this) {
            String now = invocation.get();
            if (!now.equals(currentInvocation)) {
                currentInvocation = now;
                calls = 0;
            }
            call = ++calls;
            if (call != chaos.atCall() || random.nextDouble() >= chaos.probability() || !budget.take()) {
                return;
            }
        }
        log.println("{\"chaos\":\"" + chaos.action().name().toLowerCase(java.util.Locale.ROOT) + "\",\"operation\":\""
                + chaos.operation() + "\",\"call\":" + call + "}");
        log.flush();
        if (chaos.action() == ChaosSettings.Action.HALT) {
            fault.halt();
        } else {
            fault.sleep(chaos.sleepMillis());
        }
    }
}
