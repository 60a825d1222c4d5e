package health.leap.portal.patient;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.time.ZoneId;

/**
 * Who is calling, from the token: the tenant, and for a patient the lead. The only source of
 * tenant and lead for every query; no route takes them from a parameter.
 */
@RequestScoped
@Named("caller")
public class Caller {

    private boolean resolved;
    private long tenantId;
    private Long leadId;
    private String name;
    private String tenantName;
    private boolean staff;
    private String userName;
    private ZoneId tenantZone;
    private String previewLead;
    private boolean preview;

    void resolve(long tenantId, String tenantName, ZoneId tenantZone, Long leadId, String name, boolean staff, String userName) {
        this.resolved = true;
        this.tenantZone = tenantZone;
        this.userName = userName;
        this.tenantId = tenantId;
        this.tenantName = tenantName;
        this.leadId = leadId;
        this.name = name;
        this.staff = staff;
    }

    /** Staff asked to see the portal as patient {@code lead} sees it (set before the caller is resolved). */
    void requestPreview(String lead) {
        this.previewLead = lead;
    }

    String requestedPreview() {
        return previewLead;
    }

    /** Staff seeing a patient's pages: the caller is that patient, read-only, and the staff member is {@link #userName()}. */
    void resolvePreview(long tenantId, String tenantName, ZoneId tenantZone, long leadId, String leadName, String userName) {
        resolve(tenantId, tenantName, tenantZone, leadId, leadName, false, userName);
        this.preview = true;
    }

    public boolean isPreview() {
        return preview;
    }

    /** Where this caller's pages live: the patient's own routes, or their preview under the staff's path. */
    public String getBase() {
        return preview ? PreviewRouting.PREFIX + leadId : "";
    }

    public boolean isLoggedIn() {
        return resolved;
    }

    public long tenantId() {
        requireResolved();
        return tenantId;
    }

    /** The patient's lead id; only patients have one. */
    public long leadId() {
        requireResolved();
        if (leadId == null) {
            throw new IllegalStateException("the caller is not a patient");
        }
        return leadId;
    }

    public boolean isPatient() {
        return resolved && leadId != null;
    }

    public boolean isStaff() {
        return resolved && staff;
    }

    /** The clinic's own zone, for dates that belong to no centre (the history's date filter). */
    public ZoneId tenantZone() {
        requireResolved();
        return tenantZone;
    }

    /** The login name, recorded as the actor of staff actions. */
    public String userName() {
        return userName;
    }

    public String getName() {
        return name;
    }

    public String getTenantName() {
        return tenantName;
    }

    private void requireResolved() {
        if (!resolved) {
            throw new IllegalStateException("no caller on an anonymous request");
        }
    }
}
