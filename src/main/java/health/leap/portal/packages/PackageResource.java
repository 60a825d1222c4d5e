package health.leap.portal.packages;

import health.leap.portal.patient.Caller;
import health.leap.portal.patient.FamilyPage;
import health.leap.portal.patient.DeskPage;
import health.leap.portal.patient.PreviewPage;
import health.leap.portal.web.Htmx;
import health.leap.portal.web.Params;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;

/** The patient's packages: what they hold, what a package pays for, and the sessions already used. */
@Path("/packages")
@RolesAllowed("patient")
@Produces(MediaType.TEXT_HTML)
public class PackageResource {

    /** These pages for a dependant, as the guardian acting for them sees them. */
    @Path("/family/{lead}/packages")
    public static class ForFamily extends PackageResource implements FamilyPage {
    }

    /** These pages as the patient sees them, for staff, read-only. */
    @Path("/staff/patients/{lead}/packages")
    public static class InPreview extends PackageResource implements PreviewPage {
    }

    /** These pages for the front desk acting for the patient: reads and writes, recorded as the staff member's. */
    @Path("/staff/acting/{lead}/packages")
    public static class AtDesk extends PackageResource implements DeskPage {
    }

    @CheckedTemplate(basePath = "packages")
    public static class Templates {
        public static native TemplateInstance list(PackageList page);

        public static native TemplateInstance list$results(PackageList page);

        public static native TemplateInstance applicable(ApplicablePage page);

        public static native TemplateInstance applicable$results(ApplicablePage page);

        public static native TemplateInstance detail(PackageDetail detail);

        public static native TemplateInstance redemptions(RedemptionPage page);

        public static native TemplateInstance redemptions$list(RedemptionPage page);

        public static native TemplateInstance redemptions$page(RedemptionPage page);
    }

    @Inject
    Caller caller;
    @Inject
    Htmx htmx;
    @Inject
    PatientPackages packages;

    @GET
    public TemplateInstance list(@RestQuery("status") List<String> statuses) {
        PackageFilter filter = PackageFilter.parse(statuses);
        boolean fragment = htmx.wantsFragment();
        PackageList page = packages.list(caller.tenantId(), caller.leadId(), caller.tenantZone(), filter, !fragment);
        return fragment ? Templates.list$results(page) : Templates.list(page);
    }

    @GET
    @Path("applicable")
    public TemplateInstance applicable(@QueryParam("service") String service, @QueryParam("centre") String centre,
                                       @QueryParam("date") String date) {
        long serviceId = Params.id("service", service);
        long centreId = Params.id("centre", centre);
        ApplicablePage page = packages.applicable(caller.tenantId(), caller.leadId(), caller.tenantZone(), serviceId, centreId,
                Params.optionalDate("date", date));
        return htmx.wantsFragment() ? Templates.applicable$results(page) : Templates.applicable(page);
    }

    @GET
    @Path("{id}")
    public TemplateInstance detail(@PathParam("id") String id) {
        long packageId = Params.id("package", id);
        return Templates.detail(packages.detail(caller.tenantId(), caller.leadId(), caller.tenantZone(), packageId));
    }

    @GET
    @Path("{id}/redemptions")
    public TemplateInstance redemptions(@PathParam("id") String id, @QueryParam("cursor") String cursor,
                                        @QueryParam("limit") String limit) {
        long packageId = Params.id("package", id);
        boolean fromStart = cursor == null || cursor.isBlank();
        RedemptionPage page = packages.redemptions(caller.tenantId(), caller.leadId(), packageId,
                RedemptionPage.limit(limit), fromStart ? null : cursor);
        if (!htmx.wantsFragment()) {
            return Templates.redemptions(page);
        }
        // "load more" appends a page to the list
        return fromStart ? Templates.redemptions$list(page) : Templates.redemptions$page(page);
    }
}
