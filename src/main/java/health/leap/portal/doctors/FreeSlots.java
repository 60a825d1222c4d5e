package health.leap.portal.doctors;

/**
 * What "free" means in SQL, for a slot aliased {@code s}: no active appointment holds it. A DRAFT
 * whose hold has passed no longer counts, even before the expiry job marks it EXPIRED. Takes one
 * parameter: now.
 * <p>
 * The status list repeats the predicate of the partial index {@code appointment_one_active_per_slot}
 * word for word, so that PostgreSQL answers from that index (at most one row per slot). Written as
 * "active, or an open DRAFT" it cannot prove the index applies and reads every active appointment
 * of the clinic for each slot (seconds per page on a million appointments: issue 8's benchmark).
 */
public final class FreeSlots {

    public static final String FREE = """
            not exists (select 1 from appointment a
                        where a.slot_id = s.id
                          and a.status in ('DRAFT', 'PENDING_APPROVAL', 'CONFIRMED', 'CHECKED_IN')
                          and (a.status <> 'DRAFT' or a.hold_expires_at > ?))""";

    private FreeSlots() {
    }
}
