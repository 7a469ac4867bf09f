package dev.distributary.fanout;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.distributary.topology.ModuleBoundaries;

/** fanout uses no other module's internal packages (ModuleBoundaries). */
@AnalyzeClasses(packages = "dev.distributary.fanout")
class ModuleBoundaryTest {

    @ArchTest
    static final ArchRule noOtherModulesInternals = ModuleBoundaries.noOtherModulesInternals();
}
