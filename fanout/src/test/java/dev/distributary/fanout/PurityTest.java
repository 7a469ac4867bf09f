package dev.distributary.fanout;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The envelope, the message attributes and the fan-out layout are pure (the infrastructure
 * program and the processor's core use them without AWS types); only the publisher, the
 * provisioner and the consumer library talk to AWS. fanout depends on topology and change-model,
 * never on replication-filter or any module above it.
 */
@AnalyzeClasses(packages = "dev.distributary.fanout", importOptions = ImportOption.DoNotIncludeTests.class)
class PurityTest {

    @ArchTest
    static final ArchRule coreHasNoCloudTypes = noClasses()
            .that()
            .resideInAnyPackage("dev.distributary.fanout", "dev.distributary.fanout.internal")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("software.amazon..", "com.amazonaws..", "com.pulumi..");

    @ArchTest
    static final ArchRule coreDoesNotUseTheAwsParts = noClasses()
            .that()
            .resideInAnyPackage("dev.distributary.fanout", "dev.distributary.fanout.internal")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.distributary.fanout.publish..",
                    "dev.distributary.fanout.provision..",
                    "dev.distributary.fanout.consumer..");

    @ArchTest
    static final ArchRule onlyTopologyAndChangeModel = classes()
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "dev.distributary.fanout..",
                    "dev.distributary.topology..",
                    "dev.distributary.change..",
                    "java..",
                    "com.fasterxml.jackson..",
                    "io.cloudevents..",
                    "software.amazon.awssdk..",
                    "org.slf4j..");
}
