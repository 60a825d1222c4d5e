package health.leap.portal.doctors;

/**
 * What "free" means in SQL, for a slot aliased {@code s}: no active appointment holds it. A DRAFT
 * whose hold has passed no longer counts, even before the expiry job marks it EXPIRED. Takes one
 * parameter: now.
 */
public final class FreeSlots {

    public static final String FREE = """
            not exists (select 1 from appointment a
                        where a.slot_id = s.id
                          and (a.status in ('PENDING_APPROVAL', 'CONFIRMED', 'CHECKED_IN')
                               or (a.status = 'DRAFT' and a.hold_expires_at > ?)))""";

    private FreeSlots() {
    }
}
