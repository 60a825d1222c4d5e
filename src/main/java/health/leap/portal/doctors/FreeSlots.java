package health.leap.portal.doctors;

/**
 * What "free" means in SQL, for a start time of the doctor's grid (a slot aliased {@code s}) and the
 * end of the service booked from it ({@code f.until}, see {@link #ENDS_WITH_SERVICE}): the whole
 * service fits inside one block of the doctor's slots at that centre, and no active booking of the
 * doctor, at any centre and for any service, overlaps it. A DRAFT whose hold has passed no longer
 * counts, even before the expiry job marks it EXPIRED. Takes two parameters: the booking a move leaves
 * (0 for none), so that a patient may move a visit into its own time, and now.
 * <p>
 * The overlap is the one the exclusion constraint {@code appointment_doctor_booked_once} refuses. It is
 * read from the btree index {@code appointment_active_by_doctor} (its predicate repeated word for word),
 * among the bookings that start up to eight hours before the time (no booking lasts longer, a check
 * of the table says so): five times cheaper per start than the constraint's GiST index, measured on
 * the benchmark's million appointments. A service longer than its slot (45 minutes
 * on a 30-minute grid) fits where the doctor's slots from its start, merged by {@code range_agg},
 * cover it without a gap: past the end of a schedule block they do not.
 */
public final class FreeSlots {

    /** The service's end from the slot's start; takes one parameter, the service's minutes. */
    public static final String ENDS_WITH_SERVICE =
            " cross join lateral (select s.starts_at + make_interval(mins => ?) as until) f ";

    /** The slot's own end: a start where any service as long as the grid's step fits. */
    public static final String ENDS_WITH_SLOT = " cross join lateral (select s.ends_at as until) f ";

    public static final String FREE = """
            not exists (select 1 from appointment a
                        where a.doctor_id = s.doctor_id
                          and a.starts_at < f.until and a.starts_at > s.starts_at - interval '8 hours'
                          and a.ends_at > s.starts_at
                          and a.status in ('DRAFT', 'PENDING_APPROVAL', 'CONFIRMED', 'CHECKED_IN')
                          and a.id <> ?
                          and (a.status <> 'DRAFT' or a.hold_expires_at > ?))
            and (f.until <= s.ends_at
                 or (select range_agg(tstzrange(b.starts_at, b.ends_at)) from slot b
                     where b.doctor_id = s.doctor_id and b.centre_id = s.centre_id
                       and b.starts_at >= s.starts_at and b.starts_at < f.until) @> tstzrange(s.starts_at, f.until))""";

    private FreeSlots() {
    }
}
