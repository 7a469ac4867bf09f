package dev.distributary.cost;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * cost is pure: it prices a platform from topology's model and a price table, with no AWS SDK, Lambda
 * or Pulumi types; besides the JDK it uses only topology's public package, change-model (the change
 * operations) and Jackson (the table is YAML).
 */
@AnalyzeClasses(packages = "dev.distributary.cost", importOptions = ImportOption.DoNotIncludeTests.class)
class PurityTest {

    @ArchTest
    static final ArchRule onlyTopologyChangeModelJacksonAndTheJdk = classes()
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "dev.distributary.cost..",
                    "dev.distributary.topology",
                    "dev.distributary.change",
                    "java..",
                    "com.fasterxml.jackson..");
}
