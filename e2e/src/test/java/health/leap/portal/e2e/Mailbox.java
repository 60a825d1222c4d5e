package health.leap.portal.e2e;

import io.restassured.path.json.JsonPath;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * One address's inbox at the mail server the portal sends to (GreenMail's HTTP API), read as a
 * patient's mail client would: subject, plain text, and attachments.
 */
final class Mailbox {

    private static final Duration ARRIVAL_LIMIT = Duration.ofSeconds(45);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String api;
    private final String address;

    Mailbox(String api, String address) {
        this.api = api;
        this.address = address;
    }

    /** A received message: its subject, Message-ID, plain text and attachments (name, then content). */
    record Mail(String subject, String messageId, String text, List<String> attachments) {
    }

    List<Mail> all() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + "/api/user/"
                + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/INBOX")).timeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.body().trim().startsWith("[")) {
                return List.of();
            }
            List<String> raw = JsonPath.from(response.body()).getList("mimeMessage", String.class);
            List<Mail> mails = new ArrayList<>();
            for (String message : raw) {
                mails.add(parse(message));
            }
            return mails;
        } catch (IOException e) {
            throw new IllegalStateException("the mail server's API did not answer at " + api, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How many messages here match. */
    long count(Predicate<Mail> matching) {
        return all().stream().filter(matching).count();
    }

    /**
     * Waits until more than {@code before} messages match (the sender runs every second on the
     * journeys' stack), and returns the newest of them.
     */
    Mail awaitNew(Predicate<Mail> matching, long before, String what) {
        Instant until = Instant.now().plus(ARRIVAL_LIMIT);
        while (true) {
            List<Mail> found = all().stream().filter(matching).toList();
            if (found.size() > before) {
                return found.get(found.size() - 1);
            }
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("no new " + what + " reached " + address + " within " + ARRIVAL_LIMIT.toSeconds()
                        + " s; it holds: " + all().stream().map(Mail::subject).toList());
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static Mail parse(String raw) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
            List<String> attachments = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            walk(message, text, attachments);
            return new Mail(message.getSubject(), message.getMessageID(), text.toString(), attachments);
        } catch (Exception e) {
            throw new IllegalStateException("a message the mail server holds could not be read", e);
        }
    }

    private static void walk(Part part, StringBuilder text, List<String> attachments) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), text, attachments);
            }
        } else if (part.getFileName() != null) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ((BodyPart) part).getDataHandler().writeTo(bytes);
            attachments.add(part.getFileName() + "\n" + bytes.toString(StandardCharsets.UTF_8));
        } else if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        }
    }
}
