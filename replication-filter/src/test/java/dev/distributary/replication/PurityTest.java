package dev.distributary.replication;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The core (classification, filter patterns) is pure: JDK, topology and change-model only. Only the
 * writer package may use the AWS SDK, and the core does not depend on it.
 */
@AnalyzeClasses(packages = "dev.distributary.replication", importOptions = ImportOption.DoNotIncludeTests.class)
class PurityTest {
    private static final String[] CORE = {"dev.distributary.replication", "dev.distributary.replication.internal"};

    @ArchTest
    static final ArchRule coreHasNoCloudTypes = noClasses()
            .that()
            .resideInAnyPackage(CORE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("software.amazon..", "com.amazonaws..", "com.pulumi..");

    @ArchTest
    static final ArchRule coreUsesOnlyJdkTopologyAndChangeModel = classes()
            .that()
            .resideInAnyPackage(CORE)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "java..",
                    "dev.distributary.replication",
                    "dev.distributary.replication.internal",
                    "dev.distributary.topology..",
                    "dev.distributary.change..");

    @ArchTest
    static final ArchRule writerUsesNoPulumiOrSdkV1 = noClasses()
            .that()
            .resideInAPackage("dev.distributary.replication.writer..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.amazonaws..", "com.pulumi..");
}
