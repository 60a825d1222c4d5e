package health.leap.portal.clinic;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.LocalTime;

/** A centre's overrides of its clinic's booking rules (table {@code centre_booking_policy}), read only; null is "as the clinic". */
@Entity
@Immutable
@Table(name = "centre_booking_policy")
public class CentrePolicy extends PanacheEntityBase {

    @Id
    @Column(name = "centre_id")
    public long centreId;
    @Column(name = "tenant_id", nullable = false)
    public long tenantId;
    @Column(name = "hold_minutes")
    public Integer holdMinutes;
    @Column(name = "active_limit")
    public Integer activeLimit;
    @Column(name = "min_advance_minutes")
    public Integer minAdvanceMinutes;
    @Column(name = "max_advance_days")
    public Integer maxAdvanceDays;
    @Column(name = "same_day_allowed")
    public Boolean sameDayAllowed;
    @Column(name = "same_day_cutoff")
    public LocalTime sameDayCutoff;
    @Column(name = "cancellation_window_minutes")
    public Integer cancellationWindowMinutes;
    @Column(name = "reschedule_window_minutes")
    public Integer rescheduleWindowMinutes;
    @Column(name = "max_reschedules")
    public Integer maxReschedules;
    @Column(name = "hold_extensions")
    public Integer holdExtensions;
}
