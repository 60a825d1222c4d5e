package health.leap.portal.patient;

import health.leap.portal.platform.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** One change staff made to a family link: who, what, when, and the end date the link then had. */
@Entity
@Table(name = "family_link_audit")
public class FamilyLinkAudit extends TenantEntity {

    public enum Action {
        LINKED, EXTENDED, ENDED
    }

    @Column(name = "link_id", nullable = false)
    public long linkId;
    @Column(name = "staff_user", nullable = false)
    public String staffUser;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Action action;
    @Column(name = "ends_on")
    public LocalDate endsOn;
    @Column(nullable = false)
    public Instant at;
}
