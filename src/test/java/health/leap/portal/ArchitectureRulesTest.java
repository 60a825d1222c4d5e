package health.leap.portal;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each rule of {@link Architecture} fails when broken: the test sources hold, in the portal's own
 * packages, one class that breaks each (and {@link ArchitectureTest} leaves the tests' classes out);
 * a class that keeps the rule passes it.
 */
class ArchitectureRulesTest {

    private static final String FIXTURES = Architecture.ROOT + ".";

    @Test
    void aPackageWithoutAFloorFails() {
        assertBroken(Architecture.everyPackageHasAFloor(), "stray.HasNoFloor", "stray.HasNoFloor");
        assertKept(Architecture.everyPackageHasAFloor(), "web.BreaksTheFloors");
    }

    @Test
    void aLowerFloorUsingAHigherOneFails() {
        // a floor is known by the classes imported: the class used is imported beside the one using it
        assertBroken(Architecture.floors(), "BreaksTheFloors", "web.BreaksTheFloors", "booking.HoldService");
        assertKept(Architecture.floors(), "staff.WritesAppointments$ThroughPanache", "appointments.Appointment");
    }

    @Test
    void twoPackagesUsingEachOtherFail() {
        assertBroken(Architecture.noCycles(), "gateway", "gateway.UsesPackages", "packages.UsesPayment");
        assertKept(Architecture.noCycles(), "gateway.UsesPackages");
    }

    @Test
    void jdbcBesideHibernateFails() {
        assertBroken(Architecture.jdbcOnlyWhereTheReasonIsWritten(), "java.sql.Connection", "doctors.ReachesJdbc");
        assertKept(Architecture.jdbcOnlyWhereTheReasonIsWritten(), "web.BreaksTheFloors");
    }

    @Test
    void aSecondWriterOfATableFailsWhateverWayItWrites() {
        ArchRule rule = Architecture.everyTableHasOneWriter();
        assertBroken(rule, "writes appointment (its SQL writes)", "staff.WritesAppointments$BySql");
        assertBroken(rule, "calls method <health.leap.portal.appointments.Appointment.persist",
                "staff.WritesAppointments$ThroughPanache");
        assertBroken(rule, "sets field <health.leap.portal.appointments.Appointment.status>",
                "staff.WritesAppointments$ThroughItsFields");
        assertBroken(rule, "through the entity manager", "staff.WritesAppointments$ThroughTheEntityManager");
        assertKept(rule, "web.BreaksTheFloors");
    }

    @Test
    void aTemplateReachingAboveItsRenderersFloorFails(@TempDir Path templates) throws IOException {
        // the portal's own templates, with web's error page reading the payment gateway itself
        try (Stream<Path> files = Files.walk(Architecture.TEMPLATES)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = templates.resolve(Architecture.TEMPLATES.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
        String[] renderer = {"web.ErrorPages", "web.ErrorPages$Templates", "gateway.Gateways", "web.FormToken", "web.Language",
                "web.PageMessages", "clinic.ClinicMessages"};
        assertKept(Architecture.templatesUseOnlyTheirFloor(templates), renderer);
        Path error = templates.resolve("web/error.html");
        Files.writeString(error, Files.readString(error) + "{#if inject:gateways.sandbox}<p>sandbox</p>{/if}");
        assertBroken(Architecture.templatesUseOnlyTheirFloor(templates), "reaches inject:gateways of health.leap.portal.gateway.Gateways",
                renderer);
        // a bundle of a higher floor, through the layout every page includes, fails the same way
        Files.writeString(error, Files.readString(Architecture.TEMPLATES.resolve("web/error.html")));
        Path layout = templates.resolve("layout/page.html");
        Files.writeString(layout, Files.readString(layout).replace("{page:help(frame.helpPhones)}", "{clinic:minutes(5)}"));
        assertBroken(Architecture.templatesUseOnlyTheirFloor(templates), "reaches bundle:clinic", renderer);
    }

    private static void assertBroken(ArchRule rule, String said, String... classes) {
        EvaluationResult result = rule.evaluate(importClasses(classes));
        String report = result.getFailureReport().toString();
        assertTrue(result.hasViolation(), "no violation of " + rule.getDescription());
        assertTrue(report.contains(said), "the report names " + said + ":\n" + report);
    }

    private static void assertKept(ArchRule rule, String... classes) {
        EvaluationResult result = rule.evaluate(importClasses(classes));
        assertFalse(result.hasViolation(), result.getFailureReport().toString());
    }

    private static com.tngtech.archunit.core.domain.JavaClasses importClasses(String... names) {
        Class<?>[] classes = new Class<?>[names.length];
        for (int i = 0; i < names.length; i++) {
            try {
                classes[i] = Class.forName(FIXTURES + names[i]);
            } catch (ClassNotFoundException e) {
                throw new AssertionError("no fixture " + names[i], e);
            }
        }
        return new ClassFileImporter().importClasses(classes);
    }
}
