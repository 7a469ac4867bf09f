package dev.distributary.change;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The change model is shared by pure modules: it may use only the JDK and Jackson. */
@AnalyzeClasses(packages = "dev.distributary.change", importOptions = ImportOption.DoNotIncludeTests.class)
class PurityTest {

    @ArchTest
    static final ArchRule onlyJdkAndJackson = classes()
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("dev.distributary.change..", "java..", "com.fasterxml.jackson..");
}
