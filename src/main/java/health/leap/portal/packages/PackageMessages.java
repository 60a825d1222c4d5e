package health.leap.portal.packages;

import io.quarkus.qute.i18n.MessageBundle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What the package pages (the list, one package, its sessions used, which package pays for a visit)
 * and their refusals say. The words are in {@code messages/pkg_en.properties} and {@code pkg_es.properties}.
 */
@MessageBundle(value = "pkg", locale = "en")
public interface PackageMessages {

    // refusals
    String packageNotFound();

    String packageNotYours();

    String serviceNotFound();

    String centreNotFound();

    String notApplicable();

    String expiresBeforeVisit(String packageName, Instant until, ZoneId zone);

    String notAStatus(String value, String choices);

    // the list
    String listTitle();

    String listTitleOf(String name);

    String filterLabel();

    String status();

    String show();

    String packagesLabel();

    String noPackages();

    String noMatch();

    String expiresSoon();

    String sessionsUsed(int used, int total);

    String left(int left);

    String validFrom();

    String until();

    String visitCheckHeading();

    // one package
    String sessionsLeftLabel();

    String sessionsLeftOf(int left, int total, int used);

    String validUntil();

    String coveredServices();

    String coveredCentres();

    // its sessions used
    String sessionsUsedHeading();

    String sessionsUsedFrom(String name);

    String backToPackage();

    String noSessionsUsed();

    String serviceAt(String service, String centre);

    String visitOf(String when);

    String sessionTaken();

    String givenBack();

    String used();

    String loadOlder();

    // which package pays for a visit
    String applicableTitle(String service, String centre);

    String applicableHeading();

    String applicableLabel();

    String noneApplies(String service, String centre);

    String noneAppliesOn(String service, String centre, LocalDate day);

    String sessionsLeft(int left, int total);

    String findDoctorFor(String service, String centre);

    String visitFormLabel();

    String service();

    String chooseService();

    String centre();

    String chooseCentre();

    String visitDate();

    String checkMyPackages();
}
