package health.leap.portal.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report a run leaves, written without a browser or a portal: a journey that passed with its
 * photographs, and a failure forced here with the evidence {@link JourneyExtension} keeps.
 */
class JourneyReportTest {

    private static final String PASSED = "PatientBooksJourneyIT.oliverBooksAPhysiotherapySession";
    private static final String FAILED = "CancelJourneyIT.mayaCancelsAVisit";

    @TempDir
    Path target;

    @Test
    void listsEveryJourneyWithItsVerdictItsPagesInOrderAndTheTraceOfTheFailure() throws IOException {
        Path pages = target.resolve("e2e-screenshots").resolve(PASSED);
        for (String page : List.of("01-oliver-hello-oliver-brooks", "02-oliver-find-a-doctor", "10-oliver-physiotherapy-session")) {
            Files.createDirectories(pages);
            Files.writeString(pages.resolve(page + "-phone.jpg"), "a photograph");
            Files.writeString(pages.resolve(page + "-desktop.jpg"), "a photograph");
        }
        Path evidence = target.resolve("e2e-artifacts").resolve(FAILED);
        Files.createDirectories(evidence);
        Files.writeString(evidence.resolve("maya-trace.zip"), "a trace");
        Files.writeString(evidence.resolve("maya.html"), "<html></html>");
        JourneyReport.Run run = new JourneyReport.Run("Run", List.of(
                journey(PASSED, JourneyReport.Verdict.PASSED, ""),
                journey(FAILED, JourneyReport.Verdict.FAILED, "Failed on purpose: no <b>Cancel booking</b> button")));

        String html = Files.readString(JourneyReport.write(target.resolve("e2e-report"), List.of(run)));

        assertTrue(html.contains("1 passed, 1 failed, 0 skipped"), html);
        assertTrue(html.contains(">" + PASSED + "</a></td><td class=\"PASSED\">passed</td>"), html);
        assertTrue(html.contains(">" + FAILED + "</a></td><td class=\"FAILED\">failed</td>"), html);
        assertTrue(html.contains("<a href=\"../e2e-artifacts/" + FAILED + "/maya-trace.zip\">maya-trace.zip</a>"), html);
        assertTrue(html.contains("<a href=\"../e2e-artifacts/" + FAILED + "/maya.html\">maya.html</a>"), html);
        assertTrue(html.contains("no &lt;b&gt;Cancel booking&lt;/b&gt; button"), "the reason is escaped:\n" + html);
        assertFalse(html.contains("<b>Cancel booking</b>"), html);
        List<String> photographs = List.of("01-oliver-hello-oliver-brooks-phone.jpg", "01-oliver-hello-oliver-brooks-desktop.jpg",
                "02-oliver-find-a-doctor-phone.jpg", "02-oliver-find-a-doctor-desktop.jpg",
                "10-oliver-physiotherapy-session-phone.jpg", "10-oliver-physiotherapy-session-desktop.jpg");
        int before = -1;
        for (String photograph : photographs) {
            int at = html.indexOf("<img src=\"../e2e-screenshots/" + PASSED + "/" + photograph + "\"");
            assertTrue(at > before, photograph + " is not shown after the photograph before it:\n" + html);
            before = at;
        }
    }

    @Test
    void theSecondRunReadsTheFirstRunsVerdictsAsTheFirstKeptThem() {
        JourneyReport.Run first = new JourneyReport.Run("First run", List.of(
                journey(PASSED, JourneyReport.Verdict.PASSED, ""),
                journey(FAILED, JourneyReport.Verdict.SKIPPED, "This journey needs Dr Rachel Green,\nwho is not listed")));
        Path kept = target.resolve("e2e-report").resolve("first.properties");

        JourneyReport.save(kept, first);

        assertEquals(first, JourneyReport.load(kept));
    }

    private JourneyReport.Journey journey(String name, JourneyReport.Verdict verdict, String reason) {
        return new JourneyReport.Journey(name, verdict, Duration.ofMillis(12_300), reason, "patients oliver; doctors Dr Tom Okafor",
                target.resolve("e2e-screenshots").resolve(name), target.resolve("e2e-artifacts").resolve(name));
    }
}
