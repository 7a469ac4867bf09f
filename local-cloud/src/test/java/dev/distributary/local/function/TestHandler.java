package dev.distributary.local.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A function for the host's tests: {@code {"action": "echo|sleep|fail|halt", "millis": N}}. Runs in a child JVM. */
public class TestHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final AtomicInteger INVOCATIONS_IN_THIS_JVM = new AtomicInteger();

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        int invocation = INVOCATIONS_IN_THIS_JVM.incrementAndGet();
        String action = String.valueOf(input.getOrDefault("action", "echo"));
        switch (action) {
            case "sleep" -> sleep(((Number) input.get("millis")).longValue());
            case "fail" -> throw new IllegalStateException("asked to fail");
            case "halt" -> Runtime.getRuntime().halt(3);
            default -> {}
        }
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("invocationInThisJvm", invocation);
        output.put("pid", ProcessHandle.current().pid());
        output.put("functionName", context.getFunctionName());
        output.put("region", System.getenv("AWS_REGION"));
        output.put("custom", System.getenv("CUSTOM_SETTING"));
        output.put("remainingMillis", context.getRemainingTimeInMillis());
        output.put("input", input);
        output.put("jvmArguments", ManagementFactory.getRuntimeMXBean().getInputArguments());
        return output;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
