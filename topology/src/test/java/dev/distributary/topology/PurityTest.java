package dev.distributary.topology;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * topology is pure: no AWS SDK, Lambda or Pulumi types; of the other Distributary modules only
 * change-model (the change vocabulary, itself pure); besides the JDK only Jackson and SnakeYAML, the
 * parser beneath Jackson's YAML (for its syntax errors' positions).
 */
@AnalyzeClasses(packages = "dev.distributary.topology", importOptions = ImportOption.DoNotIncludeTests.class)
class PurityTest {

    @ArchTest
    static final ArchRule noCloudTypes = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("software.amazon..", "com.amazonaws..", "com.pulumi..");

    @ArchTest
    static final ArchRule onlyChangeModelJacksonAndSnakeYaml = classes()
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "dev.distributary.topology..",
                    "dev.distributary.change..",
                    "java..",
                    "com.fasterxml.jackson..",
                    "org.yaml.snakeyaml..");
}
