package health.leap.portal.patient;

import health.leap.portal.platform.PortalConfig;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The token of an email-change link: an HMAC of the request's random nonce under a key of the portal's
 * own (derived from {@code portal.cursor-secret} for this purpose alone), so the database holds neither
 * the token nor what makes it, only the nonce and the token's SHA-256. The outbox words the link again
 * from the nonce when it sends it.
 */
@ApplicationScoped
public class EmailChangeLinks {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A token is 32 bytes, base64url: 43 characters. Anything else is no token of ours. */
    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final byte[] key;

    public EmailChangeLinks(PortalConfig config) {
        this.key = hmac(config.cursorSecret().getBytes(StandardCharsets.UTF_8),
                "leaphealth email-change links".getBytes(StandardCharsets.UTF_8));
    }

    static String newNonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    /** The link's token for a request's nonce. */
    public String token(String nonce) {
        return BASE64URL.encodeToString(hmac(key, nonce.getBytes(StandardCharsets.UTF_8)));
    }

    /** What the database keeps of a token, to find its request. */
    static String hash(String token) {
        try {
            return BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
