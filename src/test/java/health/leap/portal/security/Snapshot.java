package health.leap.portal.security;

import health.leap.portal.platform.Sql;

/**
 * What a refused request must not change: every appointment's status, every payment, refund and
 * patient package with its sessions used, and how many redemptions and timeline events there are.
 */
final class Snapshot {

    private Snapshot() {
    }

    /**
     * The state as one digest, computed by PostgreSQL: the bad-input sweep takes two per refused write,
     * and no longer reads every row into the test for each.
     */
    static String of(Sql sql) {
        return sql.one("""
                select count(*) || ':' || md5(string_agg(row, '|' order by row)) from (
                    select 'a' || id || status as row from appointment
                    union all select 'p' || id || status from payment
                    union all select 'r' || id || status from refund
                    union all select 'k' || id || status || sessions_used from patient_package
                    union all select 'redemptions ' || count(*) from package_redemption
                    union all select 'events ' || count(*) from appointment_event) state""",
                rs -> rs.getString(1)).orElseThrow();
    }
}
