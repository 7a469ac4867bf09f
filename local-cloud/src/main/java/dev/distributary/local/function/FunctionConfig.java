package dev.distributary.local.function;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A function as Lambda would run it: its code, handler, environment, memory and timeout.
 *
 * @param name          the function name ({@code AWS_LAMBDA_FUNCTION_NAME})
 * @param region        the function's region ({@code AWS_REGION})
 * @param handler       {@code package.Class::method}
 * @param code          the deployment jar (and any other class-path entries of the function)
 * @param environment   the function's own environment variables
 * @param memoryMb      the configured memory, which also bounds the child's heap
 * @param timeout       the deadline of one invocation; the child is killed when it passes
 * @param maxInstances  how many instances may run at once (concurrent invocations)
 * @param logDirectory  where each instance's output goes; empty to discard it
 */
public record FunctionConfig(
        String name,
        String region,
        String handler,
        List<Path> code,
        Map<String, String> environment,
        int memoryMb,
        Duration timeout,
        int maxInstances,
        Optional<Path> logDirectory) {

    public FunctionConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
        if (handler == null || !handler.contains("::")) {
            throw new IllegalArgumentException("handler must be package.Class::method, not " + handler);
        }
        code = List.copyOf(code);
        environment = Map.copyOf(environment);
        if (memoryMb < 128) {
            throw new IllegalArgumentException("memoryMb must be at least 128");
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        if (maxInstances < 1) {
            throw new IllegalArgumentException("maxInstances must be at least 1");
        }
        Objects.requireNonNull(logDirectory, "logDirectory");
    }

    /** The function's ARN in the emulator's account. */
    public String arn() {
        return "arn:aws:lambda:" + region + ":" + dev.distributary.moto.MotoServer.ACCOUNT_ID + ":function:" + name;
    }
}
