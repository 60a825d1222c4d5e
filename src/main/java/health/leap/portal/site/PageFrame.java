package health.leap.portal.site;

import health.leap.portal.clinic.HelpLine;
import health.leap.portal.patient.Caller;
import health.leap.portal.gateway.Gateways;
import health.leap.portal.web.CentrePhone;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateGlobal;

import java.util.List;

/**
 * What the layout of every page shows beyond the page itself: who is calling (the header, the family
 * switcher, the preview banner), whether the sandbox gateway runs (its strip) and the help line's
 * numbers. One global, {@code frame}, from the top floor, so that a page rendered by a low floor (an
 * error page of {@code web}) reaches nothing above it through its layout, while a template reads a
 * bean itself ({@code inject:}) only from its renderer's floor or below, as {@code ArchitectureTest}
 * checks. Qute sets globals on every template instance, mail and fragments too: each part is read only
 * when a template asks for it.
 */
@TemplateData
public final class PageFrame {

    @TemplateGlobal
    static final PageFrame frame = new PageFrame();

    /*
     * The beans' client proxies, looked up once: a proxy reaches the current request's instance each
     * time it is called, so keeping it is the same as asking the container on every page.
     */
    private volatile Caller caller;
    private volatile Gateways gateways;
    private volatile HelpLine helpLine;

    private PageFrame() {
    }

    /** The caller of this request. */
    public Caller getCaller() {
        Caller c = caller;
        return c != null ? c : (caller = Arc.container().instance(Caller.class).get());
    }

    /** True while the labelled sandbox gateway takes the payments. */
    public boolean isSandbox() {
        return gateways().sandbox();
    }

    /** The sandbox in a production start, chosen on purpose: the strip says that too. */
    public boolean isSandboxInProduction() {
        return gateways().sandboxInProduction();
    }

    private Gateways gateways() {
        Gateways g = gateways;
        return g != null ? g : (gateways = Arc.container().instance(Gateways.class).get());
    }

    /** The numbers the help line names: the centres of the caller's clinic that gave one. */
    public List<CentrePhone> getHelpPhones() {
        HelpLine h = helpLine;
        return (h != null ? h : (helpLine = Arc.container().instance(HelpLine.class).get())).getCentres();
    }
}
