package health.leap.portal.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.common.util.URLUtils;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;

/** Every refusal becomes a page, or under htmx a fragment, with a sentence and its code. */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);
    /** Refusals worth a log line: someone reaching for what is not theirs, a forged form, a flood. */
    private static final Set<ErrorCode> LOGGED = EnumSet.of(ErrorCode.FORBIDDEN, ErrorCode.ACCOUNT_NOT_LINKED,
            ErrorCode.PREVIEW_READ_ONLY, ErrorCode.CSRF_TOKEN_INVALID, ErrorCode.RATE_LIMITED);

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance error(int status, ErrorCode code, String message);

        static native TemplateInstance error$message(int status, ErrorCode code, String message);
    }

    @Inject
    Htmx htmx;
    @Inject
    PortalMetrics metrics;
    @Inject
    HttpServerRequest request;
    @Inject
    DatabaseOutages outages;
    @Inject
    Language language;

    @ServerExceptionMapper
    public Response problem(Problem problem) {
        return render(problem.code(), problem.sentence(language.locale()));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return render(ErrorCode.FORBIDDEN, PageMessages::forbiddenPage);
    }

    @ServerExceptionMapper(priority = 4000)
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e instanceof NotFoundException) {
            return render(ErrorCode.NOT_FOUND, PageMessages::noSuchPage);
        }
        if (e instanceof NotAllowedException) {
            return render(ErrorCode.METHOD_NOT_ALLOWED, PageMessages::notAvailableHere);
        }
        if (status >= 500) {
            if (DatabaseOutages.isOutage(e)) {
                return databaseUnavailable(e);
            }
            LOG.error("Request failed", e);
            return render(ErrorCode.INTERNAL, PageMessages::internal);
        }
        return render(status, ErrorCode.BAD_REQUEST, PageMessages::notUnderstood);
    }

    /** A form the framework cannot percent-decode is the sender's mistake; any other IllegalArgumentException is ours. */
    @ServerExceptionMapper
    public Response undecodable(IllegalArgumentException e) {
        StackTraceElement[] trace = e.getStackTrace();
        if (trace.length > 0 && trace[0].getClassName().equals(URLUtils.class.getName())) {
            return render(ErrorCode.BAD_REQUEST, PageMessages::garbled);
        }
        return unexpected(e);
    }

    @ServerExceptionMapper(priority = 5000)
    public Response unexpected(RuntimeException e) {
        if (DatabaseOutages.isOutage(e)) {
            return databaseUnavailable(e);
        }
        LOG.error("Request failed", e);
        return render(ErrorCode.INTERNAL, PageMessages::internal);
    }

    /**
     * The database could not be reached: the request's transaction rolled back, or, when the connection
     * dropped during its commit, may have been saved, which is why the sentence says to look at My
     * appointments first. A page (or under htmx a fragment) with {@code Retry-After}, never a stack trace.
     */
    private Response databaseUnavailable(RuntimeException e) {
        outages.seen(e);
        return Response.fromResponse(render(ErrorCode.DATABASE_UNAVAILABLE, PageMessages::databaseUnavailable))
                .header("Retry-After", DatabaseOutages.RETRY_AFTER.toSeconds()).build();
    }

    private Response render(ErrorCode code, Function<PageMessages, String> sentence) {
        return render(code.status(), code, sentence);
    }

    private Response render(int status, ErrorCode code, Function<PageMessages, String> sentence) {
        return render(status, code, sentence.apply(Language.bundle(PageMessages.class, language.locale())));
    }

    private Response render(ErrorCode code, String message) {
        return render(code.status(), code, message);
    }

    /** A status the framework chose (a 413, a 414) with the code that explains it. */
    private Response render(int status, ErrorCode code, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page(status, code, message)).build();
    }

    /** The error page in the request's language, or under htmx its message fragment. */
    TemplateInstance page(int status, ErrorCode code, Function<PageMessages, String> sentence) {
        return page(status, code, sentence.apply(Language.bundle(PageMessages.class, language.locale())));
    }

    /** The error page, or under htmx its message fragment. */
    TemplateInstance page(int status, ErrorCode code, String message) {
        metrics.refused(code);
        if (LOGGED.contains(code)) {
            // the request id (RequestIds) is on the line, so the patient's report can be found
            LOG.infof("Refused %s %s: %s (%d)", request.method(), request.path(), code, status);
        }
        return htmx.wantsFragment()
                ? Templates.error$message(status, code, message)
                : Templates.error(status, code, message);
    }
}
