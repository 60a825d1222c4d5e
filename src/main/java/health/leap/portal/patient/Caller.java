package health.leap.portal.patient;

import health.leap.portal.web.Problem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

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
    private String deskLead;
    private boolean desk;
    private String familyLead;
    private Long guardianLeadId;
    private String guardianName;
    private List<Family.Dependant> dependants = List.of();
    private Problem refusal;

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

    /** The front desk asked to act for patient {@code lead} (set before the caller is resolved). */
    void requestDesk(String lead) {
        this.deskLead = lead;
    }

    String requestedDesk() {
        return deskLead;
    }

    /**
     * The front desk acting for a patient: the caller is that patient, reads and writes alike, and every
     * change is recorded as the staff member's ({@link #userName()}).
     */
    void resolveDesk(long tenantId, String tenantName, ZoneId tenantZone, long leadId, String leadName, String userName) {
        resolve(tenantId, tenantName, tenantZone, leadId, leadName, false, userName);
        this.desk = true;
    }

    /** True while the front desk acts for the patient: the pages offer the desk's choices and ask for reasons. */
    public boolean isDesk() {
        return desk;
    }

    /** A guardian asked to act for dependant {@code lead} (set before the caller is resolved). */
    void requestFamily(String lead) {
        this.familyLead = lead;
    }

    String requestedFamily() {
        return familyLead;
    }

    /** The guardian's pages, and those of the dependants they may act for (the header's switcher). */
    void family(List<Family.Dependant> dependants) {
        this.dependants = dependants;
    }

    /**
     * The signed-in guardian acts for a dependant, whose link {@link CallerFilter} found in force on
     * this request: from here on the caller is that dependant, and the guardian is who acted.
     */
    void actFor(long dependantLeadId, String dependantName) {
        this.guardianLeadId = leadId;
        this.guardianName = name;
        this.leadId = dependantLeadId;
        this.name = dependantName;
    }

    /**
     * The family path asked for is refused: the page's first read of the tenant or lead answers with
     * {@code refused}, so no page runs for it.
     */
    void refuse(Problem refused) {
        this.refusal = refused;
    }

    private void refuseIfAsked() {
        if (refusal != null) {
            throw refusal;
        }
    }

    /** True for a guardian on their own pages (or their preview): someone they may book for is linked. */
    public boolean booksForOthers() {
        return guardianLeadId == null && !dependants.isEmpty();
    }

    /** True while a guardian acts for one of their dependants. */
    public boolean isActingForFamily() {
        return guardianLeadId != null;
    }

    /** The guardian acting for the patient, or null when the patient acts for themselves. */
    public Long guardianLeadId() {
        return guardianLeadId;
    }

    public String getGuardianName() {
        return guardianName;
    }

    /**
     * Whom the header lets this caller switch to: the signed-in patient first, then their dependants;
     * empty unless they may act for someone. In a preview each entry is that patient's preview.
     */
    public List<Family.Member> getFamily() {
        if (dependants.isEmpty()) {
            return List.of();
        }
        long self = guardianLeadId != null ? guardianLeadId : leadId;
        List<Family.Member> members = new ArrayList<>(dependants.size() + 1);
        members.add(new Family.Member(self, guardianName != null ? guardianName : name, null,
                preview ? PatientPages.PREVIEW_PREFIX + self + "/" : desk ? PatientPages.DESK_PREFIX + self + "/" : "/",
                self == leadId));
        for (Family.Dependant d : dependants) {
            members.add(new Family.Member(d.leadId(), d.name(), d.relationship(), baseOf(d.leadId()) + "/", d.leadId() == leadId));
        }
        return members;
    }

    /** Where a dependant's pages live for this caller: under {@code /family}, or their own preview in a preview. */
    public String baseOf(long dependantLeadId) {
        return (preview ? PatientPages.PREVIEW_PREFIX : desk ? PatientPages.DESK_PREFIX : PatientPages.FAMILY_PREFIX) + dependantLeadId;
    }

    /** The name the header says is signed in: the staff member in a preview, the guardian acting for a dependant. */
    public String getSignedInName() {
        return preview || desk ? userName : guardianName != null ? guardianName : name;
    }

    /**
     * Where this caller's pages live: the patient's own routes, a dependant's under the guardian's
     * {@code /family/{lead}}, their preview under the staff's path, or the desk's pages acting for them.
     */
    public String getBase() {
        return preview ? PatientPages.PREVIEW_PREFIX + leadId : desk ? PatientPages.DESK_PREFIX + leadId
                : guardianLeadId != null ? PatientPages.FAMILY_PREFIX + leadId : "";
    }

    public boolean isLoggedIn() {
        return resolved;
    }

    public long tenantId() {
        requireResolved();
        refuseIfAsked();
        return tenantId;
    }

    /** The patient's lead id; only patients have one. */
    public long leadId() {
        requireResolved();
        refuseIfAsked();
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
