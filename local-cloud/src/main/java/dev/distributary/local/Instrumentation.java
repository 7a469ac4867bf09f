package dev.distributary.local;

import dev.distributary.local.esm.Invoker;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What a proving run adds to the local platform, and an ordinary run leaves out: class-path
 * entries and environment variables for every function (an SDK interceptor that injects faults,
 * say), and a wrapper around each event source mapping's invoker (one that delivers every batch
 * twice, say).
 *
 * @param functionClassPath   appended to each function's class path, after its deployment jar
 * @param functionEnvironment added to each function's environment (the platform's own variables win)
 * @param invoker             wraps the invoker of each event source mapping; identity for none
 */
public record Instrumentation(List<Path> functionClassPath, Map<String, String> functionEnvironment, UnaryOperator<Invoker> invoker) {

    public Instrumentation {
        functionClassPath = List.copyOf(functionClassPath);
        functionEnvironment = Map.copyOf(functionEnvironment);
        Objects.requireNonNull(invoker, "invoker");
    }

    /** Nothing added. */
    public static Instrumentation none() {
        return new Instrumentation(List.of(), Map.of(), UnaryOperator.identity());
    }

    public Instrumentation withFunctionCode(Path entry, Map<String, String> environment) {
        List<Path> classPath = new java.util.ArrayList<>(functionClassPath);
        classPath.add(entry);
        Map<String, String> env = new java.util.HashMap<>(functionEnvironment);
        env.putAll(environment);
        return new Instrumentation(classPath, env, invoker);
    }

    public Instrumentation withFunctionEnvironment(Map<String, String> environment) {
        Map<String, String> env = new java.util.HashMap<>(functionEnvironment);
        env.putAll(environment);
        return new Instrumentation(functionClassPath, env, invoker);
    }

    public Instrumentation withInvoker(UnaryOperator<Invoker> wrapper) {
        UnaryOperator<Invoker> previous = invoker;
        return new Instrumentation(functionClassPath, functionEnvironment, target -> wrapper.apply(previous.apply(target)));
    }
}
