package dev.distributary.topology;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Optional;

/**
 * The boundary every module keeps, as one rule that each module's {@code ModuleBoundaryTest} runs on
 * its own classes (main and test): no module uses another module's {@code internal} packages.
 *
 * <p>A module's classes live under {@code dev.distributary.<root>} (topology, change, replication,
 * fanout, moto, infra, cost, cli, processor, chaos, local, benchmarks); a package named
 * {@code internal}, or one beneath it, belongs to its module alone. What another module needs is
 * given a public entry point instead. Shared through topology's test-jar; modules that depend on no
 * other Distributary module (change-model, moto-harness, chaos-agent) cannot break it and do not run it.
 */
public final class ModuleBoundaries {
    private static final String PREFIX = "dev.distributary.";

    private ModuleBoundaries() {}

    /** No class depends on a class in another module's internal packages. */
    public static ArchRule noOtherModulesInternals() {
        return classes().should(notUseAnotherModulesInternals(List.of()));
    }

    /**
     * The same rule, except for the internal packages named (each with everything beneath it): for a
     * dependency the owning module cannot yet replace with a public entry point; say why where it is used.
     */
    public static ArchRule noOtherModulesInternalsExcept(String... allowedInternalPackages) {
        return classes().should(notUseAnotherModulesInternals(List.of(allowedInternalPackages)));
    }

    private static ArchCondition<JavaClass> notUseAnotherModulesInternals(List<String> allowed) {
        String description = "not depend on another module's internal packages"
                + (allowed.isEmpty() ? "" : " (except " + String.join(", ", allowed) + ")");
        return new ArchCondition<>(description) {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<String> from = module(origin.getPackageName());
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    String target =
                            dependency.getTargetClass().getBaseComponentType().getPackageName();
                    Optional<String> owner = module(target);
                    if (owner.isPresent() && !owner.equals(from) && isInternal(target) && !isAllowed(target, allowed)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** The module root of a Distributary package ({@code processor} for dev.distributary.processor.internal). */
    static Optional<String> module(String packageName) {
        if (!packageName.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = packageName.substring(PREFIX.length());
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }

    private static boolean isInternal(String packageName) {
        return List.of(packageName.split("\\.")).contains("internal");
    }

    private static boolean isAllowed(String packageName, List<String> allowed) {
        return allowed.stream().anyMatch(a -> packageName.equals(a) || packageName.startsWith(a + "."));
    }
}
