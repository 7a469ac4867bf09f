package dev.distributary.local;

import dev.distributary.local.esm.Invoker;
import dev.distributary.topology.ProcessorPermissions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What a proving run adds to the local platform, and an ordinary run leaves out: class-path
 * entries and environment variables for every function (an SDK interceptor that injects faults,
 * say), and a wrapper around each event source mapping's invoker (one that delivers every batch
 * twice, say). A comparison run can also replace the function itself: another handler (a naive
 * design's, say) behind event source mappings without FilterCriteria.
 *
 * @param functionClassPath   appended to each function's class path, after its deployment jar
 * @param functionEnvironment added to each function's environment (the platform's own variables win)
 * @param invoker             wraps the invoker of each event source mapping; identity for none
 * @param handler             replaces the processor's handler ({@code package.Class::method}); empty keeps it
 * @param eventFilter         the event source mappings apply the platform's FilterCriteria; false invokes for every record
 * @param permissions         changes the functions' role permissions before their policy is written (a test takes one away, say);
 *                            identity for none
 */
public record Instrumentation(
        List<Path> functionClassPath,
        Map<String, String> functionEnvironment,
        UnaryOperator<Invoker> invoker,
        Optional<String> handler,
        boolean eventFilter,
        UnaryOperator<List<ProcessorPermissions.Permission>> permissions) {

    public Instrumentation {
        functionClassPath = List.copyOf(functionClassPath);
        functionEnvironment = Map.copyOf(functionEnvironment);
        Objects.requireNonNull(invoker, "invoker");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(permissions, "permissions");
        handler.filter(h -> !h.contains("::")).ifPresent(h -> {
            throw new IllegalArgumentException("a handler is package.Class::method, not " + h);
        });
    }

    /** Nothing added. */
    public static Instrumentation none() {
        return new Instrumentation(
                List.of(), Map.of(), UnaryOperator.identity(), Optional.empty(), true, UnaryOperator.identity());
    }

    public Instrumentation withFunctionCode(Path entry, Map<String, String> environment) {
        List<Path> classPath = new java.util.ArrayList<>(functionClassPath);
        classPath.add(entry);
        Map<String, String> env = new java.util.HashMap<>(functionEnvironment);
        env.putAll(environment);
        return new Instrumentation(classPath, env, invoker, handler, eventFilter, permissions);
    }

    public Instrumentation withFunctionEnvironment(Map<String, String> environment) {
        Map<String, String> env = new java.util.HashMap<>(functionEnvironment);
        env.putAll(environment);
        return new Instrumentation(functionClassPath, env, invoker, handler, eventFilter, permissions);
    }

    public Instrumentation withInvoker(UnaryOperator<Invoker> wrapper) {
        UnaryOperator<Invoker> previous = invoker;
        return new Instrumentation(
                functionClassPath,
                functionEnvironment,
                target -> wrapper.apply(previous.apply(target)),
                handler,
                eventFilter,
                permissions);
    }

    /** The functions' role without the statement of that Sid: what the local run then denies shows what the statement is for. */
    public Instrumentation withoutPermission(String sid) {
        UnaryOperator<List<ProcessorPermissions.Permission>> previous = permissions;
        return new Instrumentation(
                functionClassPath,
                functionEnvironment,
                invoker,
                handler,
                eventFilter,
                list -> previous.apply(list).stream()
                        .filter(p -> !p.sid().equals(sid))
                        .toList());
    }

    /**
     * Runs another function in the processor's place, from the given class-path entry (appended
     * after the deployment jar), invoked for every record of every stream: no FilterCriteria.
     */
    public Instrumentation withReplacementFunction(Path code, String replacementHandler) {
        Instrumentation withCode = withFunctionCode(code, Map.of());
        return new Instrumentation(
                withCode.functionClassPath,
                functionEnvironment,
                invoker,
                Optional.of(replacementHandler),
                false,
                permissions);
    }
}
