package health.leap.portal.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A patient's own copy of what the portal holds about them: from her profile Maya opens her data
 * (a page that passes axe), downloads it as a file, and finds in it every booking the page lists,
 * under the documented format (src/docs/my-data.md).
 */
@PortalJourney
@Tag("manage")
@Needs(patients = "maya")
class MyDataJourneyIT {

    private static final Pattern BOOKING = Pattern.compile("^Booking \\d+: ");

    @Test
    void mayaSeesAndDownloadsEverythingThePortalHoldsAboutHer(Portal portal) throws IOException {
        Visitor maya = portal.login("maya");
        Page page = maya.page();
        page.navigate(portal.url("/profile"));
        maya.seesPage("My profile");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See and download my data")).click();
        maya.seesPage("My data");
        int listed = page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(BOOKING).setLevel(3)).count();

        Download download = page.waitForDownload(
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download all of it as a file (JSON)"))::click);
        assertTrue(download.suggestedFilename().matches("leaphealth-data-11-\\d{4}-\\d{2}-\\d{2}\\.json"), download.suggestedFilename());
        JsonNode data = new ObjectMapper().readTree(Files.readString(download.path()));
        assertEquals("leaphealth-patient-data/2", data.path("format").asText());
        assertEquals("Maya Johnson", data.path("patient").path("name").asText());
        assertEquals(listed, data.path("appointments").size(), "every booking the page lists, and no other");
        for (JsonNode booking : data.path("appointments")) {
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                    .setName("Booking " + booking.path("id").asText() + ": " + booking.path("service").asText()))).hasCount(1);
            assertTrue(booking.path("timeline").isArray(), "each booking with its timeline");
        }
        assertTrue(data.path("mailsSent").isArray() && data.path("mailChoices").isObject(), data.toString());
    }
}
