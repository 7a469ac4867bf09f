package dev.distributary.topology;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** topology uses no other module's internal packages (ModuleBoundaries). */
@AnalyzeClasses(packages = "dev.distributary.topology")
class ModuleBoundaryTest {

    @ArchTest
    static final ArchRule noOtherModulesInternals = ModuleBoundaries.noOtherModulesInternals();
}
