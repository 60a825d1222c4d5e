package health.leap.portal.packages;

import health.leap.portal.platform.Sql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Patients and packages of the package tests (leads 64xx), written straight into the database. */
final class PackageFixtures {

    static final Pattern PACKAGE = Pattern.compile("href=\"/packages/(\\d+)\"");
    static final Pattern APPOINTMENT = Pattern.compile("href=\"/appointments/(\\d+)\"");

    private PackageFixtures() {
    }

    /** A patient of Harbour Health (tenant 1) with no packages, however earlier tests left them. */
    static void patientWithoutPackages(Sql sql, long lead) {
        sql.update("insert into lead (id, tenant_id, name) values (?, 1, 'Package patient') on conflict (id) do nothing", lead);
        sql.update("""
                delete from patient_package pp where pp.lead_id = ?
                  and not exists (select 1 from package_redemption pr where pr.patient_package_id = pp.id)""", lead);
    }

    /** A package bought from definition 301 (physio, centres 1–2), 302 (skin, centre 1) or 303 (GP, centres 1–3). */
    static long patientPackage(Sql sql, long lead, long definition, String status, int total, int used, String validFrom,
                               String validUntil) {
        return sql.one("""
                insert into patient_package (tenant_id, lead_id, package_id, status, sessions_total, sessions_used,
                                             valid_from, valid_until, purchased_at)
                values (1, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", rs -> rs.getLong(1), lead, definition, status, total, used,
                Instant.parse(validFrom), Instant.parse(validUntil), Instant.parse(validFrom)).orElseThrow();
    }

    static List<Long> ids(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        List<Long> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    static List<Long> packageIds(String body) {
        return ids(PACKAGE, body).stream().sorted().toList();
    }

    static String storedStatus(Sql sql, long id) {
        return sql.one("select status from patient_package where id = ?", rs -> rs.getString(1), id).orElseThrow();
    }
}
