package health.leap.portal.appointments;

import health.leap.portal.platform.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import java.time.Instant;
import java.util.List;

/** One line of an appointment's audit timeline; written by {@link AppointmentLifecycle} with the change. */
@Entity
@Table(name = "appointment_event")
public class AppointmentEvent extends TenantEntity {

    @Column(name = "appointment_id", nullable = false)
    public long appointmentId;

    @Column(nullable = false)
    public Instant at;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_type", nullable = false)
    public ActorType actorType;

    @Column(name = "actor_id")
    public String actorId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public AppointmentStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public AppointmentStatus toStatus;

    public String detail;

    /** The guardian's name on a GUARDIAN line, read with the timeline for its page; not stored. */
    @Transient
    private String actorName;

    public String getActorName() {
        return actorName;
    }

    void nameActor(String name) {
        this.actorName = name;
    }


    public static List<AppointmentEvent> timelineOf(long appointmentId) {
        return list("appointmentId = ?1 order by at, id", appointmentId);
    }
}
