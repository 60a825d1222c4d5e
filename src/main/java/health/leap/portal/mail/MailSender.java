package health.leap.portal.mail;

import health.leap.portal.platform.PortalConfig;
import health.leap.portal.web.PortalMetrics;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Sends the outbox. Each run claims the due messages with {@code FOR UPDATE SKIP LOCKED} and keeps
 * them locked while it renders ({@link Notices#render}) and sends them, so two portal instances
 * never send the same message; it marks each one sent, with what it sent, in the same transaction.
 * One with nothing to send by then (no address, mail of that kind turned off) is marked SKIPPED. A crash between the server's acceptance and that commit is the
 * one way a message goes twice, and its stable {@code Message-ID} lets mail clients fold the copy.
 * A message the server refuses, or cannot take because it is away, waits and is tried again (30 s,
 * then doubling up to an hour); after the last attempt it is marked FAILED and counted.
 */
@ApplicationScoped
public class MailSender {

    static final int BATCH = 20;
    private static final int MAX_BATCHES_PER_RUN = 50;
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(MailSender.class);

    private final Mailer mailer;
    private final Clock clock;
    private final PortalMetrics metrics;
    private final int maxAttempts;
    private final Duration retryAfter;

    public MailSender(Mailer mailer, Clock clock, PortalMetrics metrics, PortalConfig config, Notices notices) {
        this.notices = notices;
        this.mailer = mailer;
        this.clock = clock;
        this.metrics = metrics;
        this.maxAttempts = config.mail().maxAttempts();
        this.retryAfter = config.mail().retryAfter();
    }

    @Scheduled(every = "${portal.mail.send-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        for (int i = 0; i < MAX_BATCHES_PER_RUN; i++) {
            if (!sendBatch(BATCH).more()) {
                return;
            }
        }
    }

    /** What one batch did; {@code more} when it was full and nothing failed, so another may be due. */
    public record Batch(int sent, int retried, int failed, boolean more) {
    }

    private final Notices notices;

    /**
     * Sends up to {@code limit} due messages. The first one the server does not take ends the batch:
     * when the server is away, the rest would only wait on it too.
     */
    @Transactional
    public Batch sendBatch(int limit) {
        List<MailMessage.Due> due = MailMessage.claimDue(limit, clock.instant());
        int sent = 0;
        for (MailMessage.Due message : due) {
            int attempts = message.attempts() + 1;
            MailMessage.Rendered rendered = notices.render(message).orElse(null);
            if (rendered == null) {
                MailMessage.skipped(message.id(), "nothing to send: no address, or the patient turned such mail off");
                metrics.mail("skipped");
                continue;
            }
            try {
                mailer.send(mail(message.messageId(), rendered));
            } catch (RuntimeException e) {
                String error = describe(e);
                if (attempts >= maxAttempts) {
                    MailMessage.failed(message.id(), attempts, error);
                    metrics.mail("failed");
                    LOG.errorf("Mail %d not sent after %d attempts, given up: %s", message.id(), attempts, error);
                    return new Batch(sent, 0, 1, false);
                }
                MailMessage.retryAt(message.id(), attempts, clock.instant().plus(waitAfter(attempts)), error);
                metrics.mail("retry");
                LOG.warnf("Mail %d not sent (attempt %d of %d), tried again later: %s", message.id(), attempts, maxAttempts, error);
                return new Batch(sent, 1, 0, false);
            }
            MailMessage.sent(message.id(), attempts, clock.instant(), rendered);
            metrics.mail("sent");
            sent++;
        }
        return new Batch(sent, 0, 0, due.size() == limit);
    }

    /** 30 s after the first failure, doubling with each, at most an hour. */
    Duration waitAfter(int attempts) {
        Duration wait = retryAfter.multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private static Mail mail(String messageId, MailMessage.Rendered message) {
        Mail mail = Mail.withHtml(message.recipient(), message.subject(), message.html())
                .setText(message.text())
                .addHeader("Message-ID", messageId);
        if (message.calendar() != null) {
            mail.addAttachment("visit.ics", message.calendar().getBytes(StandardCharsets.UTF_8), "text/calendar; charset=utf-8");
        }
        return mail;
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 400; t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append(": ");
            }
            text.append(t.getClass().getSimpleName()).append(t.getMessage() == null ? "" : " " + t.getMessage());
        }
        return text.length() > 500 ? text.substring(0, 500) : text.toString();
    }
}
