package health.leap.portal.web;

import health.leap.portal.platform.PortalConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque keyset cursors: the position (a time and an id) signed together with the query it belongs
 * to, so that a cursor cannot be edited, nor carried over to another patient's or another filter's query.
 */
@ApplicationScoped
public class Cursors {

    /** Where the previous page ended. */
    public record Position(Instant at, long id) {
    }

    private final byte[] secret;

    public Cursors(PortalConfig config) {
        this.secret = config.cursorSecret().getBytes(StandardCharsets.UTF_8);
    }

    public String encode(Position position, String query) {
        String payload = position.at().getEpochSecond() + "." + position.at().getNano() + "." + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.US_ASCII))
                + "." + sign(payload, query);
    }

    /** The position, or a 400 when the cursor is malformed, edited, or from another query. */
    public Position decode(String cursor, String query) {
        Problem forged = Problem.badRequest(PageMessages.class, PageMessages::pageLinkInvalid);
        if (cursor.length() > 200) {
            throw forged;
        }
        String[] parts = cursor.split("\\.");
        if (parts.length != 2) {
            throw forged;
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.US_ASCII);
            if (!MessageDigest.isEqual(sign(payload, query).getBytes(StandardCharsets.US_ASCII),
                    parts[1].getBytes(StandardCharsets.US_ASCII))) {
                throw forged;
            }
            String[] fields = payload.split("\\.");
            return new Position(Instant.ofEpochSecond(Long.parseLong(fields[0]), Long.parseLong(fields[1])),
                    Long.parseLong(fields[2]));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException | DateTimeException e) {
            throw forged;
        }
    }

    private String sign(String payload, String query) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] tag = mac.doFinal((payload + "\n" + query).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
