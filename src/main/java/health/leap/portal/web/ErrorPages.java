package health.leap.portal.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.common.util.URLUtils;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every refusal becomes a page, or under htmx a fragment, with a sentence and its code. */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance error(int status, String code, String message);

        static native TemplateInstance error$message(int status, String code, String message);
    }

    @Inject
    Htmx htmx;

    @ServerExceptionMapper
    public Response problem(Problem problem) {
        return render(problem.status(), problem.code(), problem.getMessage());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return render(403, "FORBIDDEN", "Your account may not open this page.");
    }

    @ServerExceptionMapper(priority = 4000)
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e instanceof NotFoundException) {
            return render(404, "NOT_FOUND", "There is no such page.");
        }
        if (e instanceof NotAllowedException) {
            return render(405, "METHOD_NOT_ALLOWED", "That action is not available here.");
        }
        if (status >= 500) {
            LOG.error("Request failed", e);
            return render(500, "INTERNAL", "Something went wrong on our side. Please try again in a moment.");
        }
        return render(status, "BAD_REQUEST", "We could not understand that request. Please go back and try again.");
    }

    /** A form the framework cannot percent-decode is the sender's mistake; any other IllegalArgumentException is ours. */
    @ServerExceptionMapper
    public Response undecodable(IllegalArgumentException e) {
        StackTraceElement[] trace = e.getStackTrace();
        if (trace.length > 0 && trace[0].getClassName().equals(URLUtils.class.getName())) {
            return render(400, "BAD_REQUEST", "Part of this request was garbled on the way. Please go back and try again.");
        }
        return unexpected(e);
    }

    @ServerExceptionMapper(priority = 5000)
    public Response unexpected(RuntimeException e) {
        LOG.error("Request failed", e);
        return render(500, "INTERNAL", "Something went wrong on our side. Please try again in a moment.");
    }

    private Response render(int status, String code, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page(status, code, message)).build();
    }

    /** The error page, or under htmx its message fragment. */
    TemplateInstance page(int status, String code, String message) {
        return htmx.wantsFragment()
                ? Templates.error$message(status, code, message)
                : Templates.error(status, code, message);
    }
}
