package health.leap.portal.patient;

import health.leap.portal.platform.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/** One page a staff member viewed in a patient's preview: who looked, at whom, which page and when. */
@Entity
@Table(name = "preview_audit")
public class PreviewAudit extends TenantEntity {

    @Column(name = "staff_user", nullable = false)
    public String staffUser;
    @Column(name = "lead_id", nullable = false)
    public long leadId;
    @Column(nullable = false)
    public String page;
    @Column(name = "viewed_at", nullable = false)
    public Instant viewedAt;

    static void record(long tenantId, String staffUser, long leadId, String page, Instant at) {
        PreviewAudit audit = new PreviewAudit();
        audit.tenantId = tenantId;
        audit.staffUser = staffUser;
        audit.leadId = leadId;
        audit.page = page;
        audit.viewedAt = at;
        audit.persist();
    }
}
