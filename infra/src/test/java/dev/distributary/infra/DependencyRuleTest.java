package dev.distributary.infra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * infra deploys the processor's jar and never links its code; only synth runs the program under
 * Pulumi's mock engine.
 */
@AnalyzeClasses(packages = "dev.distributary.infra", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRuleTest {

    @ArchTest
    static final ArchRule neverTheProcessorsCode = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.distributary.processor..", "dev.distributary.local..", "dev.distributary.cli..");

    @ArchTest
    static final ArchRule mockEngineOnlyInSynth = noClasses()
            .that()
            .resideOutsideOfPackage("dev.distributary.infra.synth..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.pulumi.test..");

    @ArchTest
    static final ArchRule fanoutsAwsPartsUnused = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.distributary.fanout.publish..",
                    "dev.distributary.fanout.provision..",
                    "dev.distributary.fanout.consumer..",
                    "software.amazon.awssdk..");
}
