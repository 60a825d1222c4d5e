package health.leap.portal.platform;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server for the test JVM: GreenMail, listening on a port of its own on 127.0.0.1, and
 * what it received. The portal sends to it through Quarkus Mailer as it sends to a clinic's server.
 * A test may stop it (the server is away) and start it again on the same port.
 */
public class MailServer implements QuarkusTestResourceLifecycleManager {

    private static final int PORT = freePort();
    private static GreenMail server;

    @Override
    public Map<String, String> start() {
        startServer();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(PORT),
                // a server that is away answers at once: no wait on a send that cannot go
                "quarkus.mailer.timeout", "5s");
    }

    @Override
    public void stop() {
        stopServer();
    }

    public static synchronized void startServer() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    public static synchronized void stopServer() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Everything the server received since the last {@link #clear()}, in the order it arrived. */
    public static synchronized List<MimeMessage> received() {
        return server == null ? List.of() : Arrays.asList(server.getReceivedMessages());
    }

    /** What arrived for one address. */
    public static List<MimeMessage> receivedBy(String address) {
        return received().stream().filter(m -> recipients(m).contains(address)).toList();
    }

    public static synchronized void clear() {
        if (server != null) {
            try {
                server.purgeEmailFromAllMailboxes();
            } catch (Exception e) {
                throw new IllegalStateException("could not empty the test mail server", e);
            }
        }
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients()).map(Object::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
