package health.leap.portal;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The portal's compiled classes (the tests' left out) keep to {@link Architecture}: every package on
 * a floor, imports running one way down the floors, no cycles, JDBC only where allowed, one
 * writer per table, and templates that reach only their renderer's floor.
 */
@AnalyzeClasses(packages = Architecture.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule everyPackageHasAFloor = Architecture.everyPackageHasAFloor();

    @ArchTest
    static final ArchRule eachPackageUsesOnlyTheFloorsBelowIt = Architecture.floors();

    @ArchTest
    static final ArchRule noTwoPackagesUseEachOther = Architecture.noCycles();

    @ArchTest
    static final ArchRule jdbcOnlyWhereTheReasonIsWritten = Architecture.jdbcOnlyWhereTheReasonIsWritten();

    @ArchTest
    static final ArchRule everyTableHasOneWriter = Architecture.everyTableHasOneWriter();

    @ArchTest
    static final ArchRule templatesUseOnlyTheirFloor = Architecture.templatesUseOnlyTheirFloor(Architecture.TEMPLATES);
}
