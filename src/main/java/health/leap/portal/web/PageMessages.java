package health.leap.portal.web;

import io.quarkus.qute.i18n.MessageBundle;

import java.util.List;

/**
 * What every page shares (header, navigation, footer, language switcher, error pages) and the web
 * layer's refusals. The words are in {@code messages/page_en.properties} and {@code page_es.properties}.
 */
@MessageBundle(value = "page", locale = "en")
public interface PageMessages {

    // the frame of every page
    String skipToContent();

    String signedInAs();

    String logOut();

    String sandboxTitle();

    String sandboxExplain();

    String sandboxInProduction();

    String previewLabel();

    String previewOf(String name);

    String previewExplain();

    String leavePreview();

    // the front desk acting for a patient
    String deskLabel();

    String deskActingFor(String name);

    String deskExplain(String staff);

    String leaveDesk();

    String deskAudit();

    String navLabel();

    String navHome();

    String navDoctors();

    String navAppointments();

    String navPackages();

    String navProfile();

    String navTheirAppointments();

    String navTheirPackages();

    String navTheirProfile();

    String navDayList();

    String navApprovals();

    String navPatients();

    String footer();

    String language();

    String languageUnknown();

    // the error page
    String titleForbidden();

    String titleNotFound();

    String titleWait();

    String titleUnavailable();

    String titleInternal();

    String titleCheck();

    String chooseTimeAgain();

    String backHome();

    // the web layer's refusals
    String forbiddenPage();

    String noSuchPage();

    String notAvailableHere();

    String internal();

    String notUnderstood();

    String garbled();

    String databaseUnavailable();

    String csrfExpired();

    String rateLimiterUnavailable();

    String rateLimited(long seconds);

    String pageLinkInvalid();

    String chooseField(String name);

    String notAnId(String name, String value);

    String notADate(String name, String value);

    String dateOutOfRange(String name, String value, String first, String last);

    String tooLong(String name, int max);

    String unstorable(String name);

    String pageSize(int max);

    /** A parameter's name as a form calls it: doctor, centre, date. */
    String field(String name);

    /** A status of a booking, payment, refund or package: CONFIRMED, SUCCEEDED, EXHAUSTED. */
    String status(String code);

    // booking for the family: the header's switcher and the banner
    String familyLabel();

    String familyYou(String name);

    String actingLabel();

    String actingFor(String name);

    String actingExplain(String name);

    String backToOwn();

    /**
     * The same help, word for word, on every page of one clinic (WCAG 3.2.6), a refusal given before the
     * caller is known included: the centres to call (the layout's {@code helpPhones}), or the clinic's
     * front desk when there are none (before sign-in, or no centre gave a number).
     */
    String help(List<CentrePhone> centres);
}
