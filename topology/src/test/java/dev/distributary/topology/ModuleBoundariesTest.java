package dev.distributary.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.distributary.example.UsesTopologyInternals;
import dev.distributary.example.UsesTopologysPublicApi;
import org.junit.jupiter.api.Test;

/** The shared rule itself: it must fail on a crossing, or no module's ModuleBoundaryTest could. */
class ModuleBoundariesTest {

    @Test
    void anotherModuleUsesTopologysInternalPackage_rule_namesTheDependency() {
        EvaluationResult result =
                ModuleBoundaries.noOtherModulesInternals().evaluate(classes(UsesTopologyInternals.class));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .singleElement()
                .asString()
                .contains(UsesTopologyInternals.class.getName())
                .contains("dev.distributary.topology.internal.AwsRegions");
    }

    @Test
    void anotherModuleUsesTopologysPublicPackage_rule_passes() {
        assertThat(ModuleBoundaries.noOtherModulesInternals()
                        .evaluate(classes(UsesTopologysPublicApi.class))
                        .hasViolation())
                .isFalse();
    }

    @Test
    void moduleUsesItsOwnInternalPackage_rule_passes() {
        // TopologyLoader reads the file with topology.internal's readers.
        assertThat(ModuleBoundaries.noOtherModulesInternals()
                        .evaluate(classes(TopologyLoader.class))
                        .hasViolation())
                .isFalse();
    }

    @Test
    void internalPackageNamedAsAnException_rule_passes() {
        EvaluationResult result = ModuleBoundaries.noOtherModulesInternalsExcept("dev.distributary.topology.internal")
                .evaluate(classes(UsesTopologyInternals.class));

        assertThat(result.hasViolation()).isFalse();
    }

    @Test
    void packageNames_module_isTheSegmentAfterDevDistributary() {
        assertThat(ModuleBoundaries.module("dev.distributary.processor.idempotency.internal"))
                .contains("processor");
        assertThat(ModuleBoundaries.module("dev.distributary.cost")).contains("cost");
        assertThat(ModuleBoundaries.module("software.amazon.awssdk.internal")).isEmpty();
    }

    private static JavaClasses classes(Class<?>... types) {
        return new ClassFileImporter().importClasses(types);
    }
}
