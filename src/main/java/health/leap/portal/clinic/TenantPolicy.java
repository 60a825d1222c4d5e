package health.leap.portal.clinic;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.LocalTime;

/**
 * A clinic's own booking rules (table {@code booking_policy}), read only. What a booking goes by is
 * {@link BookingPolicy}: these, under a centre's {@link CentrePolicy} overrides.
 */
@Entity
@Immutable
@Table(name = "booking_policy")
public class TenantPolicy extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    public long tenantId;
    @Column(name = "hold_minutes", nullable = false)
    public int holdMinutes;
    @Column(name = "active_limit", nullable = false)
    public int activeLimit;
    @Column(name = "min_advance_minutes", nullable = false)
    public int minAdvanceMinutes;
    @Column(name = "max_advance_days", nullable = false)
    public int maxAdvanceDays;
    @Column(name = "same_day_allowed", nullable = false)
    public boolean sameDayAllowed;
    @Column(name = "same_day_cutoff", nullable = false)
    public LocalTime sameDayCutoff;
    @Column(name = "cancellation_window_minutes", nullable = false)
    public int cancellationWindowMinutes;
    @Column(name = "reschedule_window_minutes", nullable = false)
    public int rescheduleWindowMinutes;
    @Column(name = "max_reschedules", nullable = false)
    public int maxReschedules;
    @Column(name = "hold_extensions", nullable = false)
    public int holdExtensions;
    /** How long, at most, a payment link the front desk sends keeps the held time. */
    @Column(name = "payment_link_hold_hours", nullable = false)
    public int paymentLinkHoldHours;
}
