package dev.distributary.processor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The pipeline ({@code internal.pipeline}: the stages, the router, the residency screen, the
 * accounting) runs on JSON records and the module's own interfaces; the AWS adapters
 * ({@code internal.aws}: Lambda event conversion, SQS quarantine, X-Ray tracing, embedded metrics,
 * Powertools logging) implement those interfaces, and only the handler's wiring chooses them.
 */
@AnalyzeClasses(packages = "dev.distributary.processor", importOptions = ImportOption.DoNotIncludeTests.class)
class PipelineBoundaryTest {

    static final String PIPELINE = "dev.distributary.processor.internal.pipeline..";

    @ArchTest
    static final ArchRule pipeline_awsLambdaAndPowertoolsTypes_neverUsed = noClasses()
            .that()
            .resideInAPackage(PIPELINE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "software.amazon.awssdk..",
                    "com.amazonaws.services.lambda..",
                    "software.amazon.lambda.powertools..",
                    "software.amazon.cloudwatchlogs..",
                    "com.amazonaws.xray..");

    @ArchTest
    static final ArchRule pipeline_adapters_neverUsed = noClasses()
            .that()
            .resideInAPackage(PIPELINE)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.distributary.processor.internal.aws..");

    @ArchTest
    static final ArchRule pipeline_loggingFramework_onlyThroughRecordLog = noClasses()
            .that()
            .resideInAPackage(PIPELINE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.slf4j..", "org.apache.logging..");
}
