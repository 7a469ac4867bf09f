package dev.distributary.benchmarks;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.distributary.topology.ModuleBoundaries;

/**
 * benchmarks uses no other module's internal packages (ModuleBoundaries), except the regional
 * processor's pipeline stages it measures one by one (LambdaRecords, Router, ResidencyScreen), which
 * that module does not publish.
 */
@AnalyzeClasses(packages = "dev.distributary.benchmarks")
class ModuleBoundaryTest {

    @ArchTest
    static final ArchRule noOtherModulesInternals =
            ModuleBoundaries.noOtherModulesInternalsExcept("dev.distributary.processor.internal");
}
