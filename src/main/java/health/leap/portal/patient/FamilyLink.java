package health.leap.portal.patient;

import health.leap.portal.platform.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** A guardian may act for a dependant: the clinic's record, written by {@link FamilyLinks} only. */
@Entity
@Table(name = "family_link")
public class FamilyLink extends TenantEntity {

    @Column(name = "guardian_lead_id", nullable = false)
    public long guardianLeadId;
    @Column(name = "dependant_lead_id", nullable = false)
    public long dependantLeadId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Relationship relationship;
    /** The first day the link no longer holds, in the clinic's zone; null while it holds until ended. */
    @Column(name = "ends_on")
    public LocalDate endsOn;
    @Column(name = "linked_by", nullable = false)
    public String linkedBy;
    @Column(name = "linked_at", nullable = false)
    public Instant linkedAt;
    @Column(name = "ended_by")
    public String endedBy;
    @Column(name = "ended_at")
    public Instant endedAt;
}
