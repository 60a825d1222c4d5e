package health.leap.portal.web;

import io.quarkus.arc.Arc;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.Locale;

/**
 * The language a page is written in: the patient's own choice (the switcher on every page, kept in a
 * cookie), else the identity provider's {@code locale} claim, else the browser's {@code Accept-Language},
 * else English. A third language is one more pair of bundle files and one entry in {@link #SUPPORTED}.
 */
@RequestScoped
@Named("language")
public class Language {

    /** A language the switcher offers, named in itself: Español, English. */
    public record Choice(String tag, String name) {
    }

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale SPANISH = Locale.forLanguageTag("es");
    /** English first: it is the default and the bundles' own language. */
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, SPANISH);
    public static final String COOKIE = "lang";
    static final String CLAIM = "locale";

    /** Absent in a request context a scheduled job opened: such a request is English. */
    @Inject
    CurrentVertxRequest current;
    @Inject
    SecurityIdentity identity;

    private Locale locale;

    /** This request's language, decided once. */
    public Locale locale() {
        if (locale == null) {
            locale = decide();
        }
        return locale;
    }

    /** The language tag for {@code <html lang>}: en, es. */
    public String getTag() {
        return locale().toLanguageTag();
    }

    /** The other languages, for the switcher, each named in its own language. */
    public List<Choice> getOthers() {
        return OTHERS.get(index(locale()));
    }

    /** For each supported language, the others as its switcher offers them: worked out once, not per page. */
    private static final List<List<Choice>> OTHERS = SUPPORTED.stream()
            .map(current -> SUPPORTED.stream().filter(l -> !l.equals(current))
                    .map(l -> {
                        String name = l.getDisplayLanguage(l);
                        return new Choice(l.toLanguageTag(), Character.toUpperCase(name.charAt(0)) + name.substring(1));
                    }).toList())
            .toList();

    /** Where the switcher sends the patient back to: this page, path and query, never another site. */
    public String getHere() {
        HttpServerRequest request = request();
        if (request == null) {
            return "/";
        }
        if (request.method() == io.vertx.core.http.HttpMethod.GET) {
            return safeReturn(request.uri());
        }
        // a page that answered a form (a refusal) has no address to GET again: back to the page the form was on
        String referer = request.getHeader("Referer");
        try {
            java.net.URI from = referer == null ? null : java.net.URI.create(referer);
            return from == null || from.getRawPath() == null ? "/"
                    : safeReturn(from.getRawPath() + (from.getRawQuery() == null ? "" : "?" + from.getRawQuery()));
        } catch (IllegalArgumentException notAnAddress) {
            return "/";
        }
    }

    /** The HTTP request behind this request context, if any (a proxy calls only non-private methods). */
    HttpServerRequest request() {
        return current.getCurrent() == null ? null : current.getCurrent().request();
    }

    private Locale decide() {
        HttpServerRequest request = request();
        if (request == null) {
            return ENGLISH;
        }
        Cookie chosen = request.getCookie(COOKIE);
        if (chosen != null) {
            Locale l = supported(chosen.getValue());
            if (l != null) {
                return l;
            }
        }
        if (identity != null && !identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken token) {
            Object claim = token.getClaim(CLAIM);
            String value = claim instanceof JsonString s ? s.getString() : claim == null ? null : claim.toString();
            Locale l = supported(value);
            if (l != null) {
                return l;
            }
        }
        return fromAcceptLanguage(request.getHeader("Accept-Language"));
    }

    /** en, es, es-US, es_MX: the supported language it names, or null. */
    public static Locale supported(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35) {
            return null;
        }
        String language = Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst().orElse(null);
    }

    static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return ENGLISH;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
            return best == null ? ENGLISH : supported(best.toLanguageTag()) == null ? ENGLISH : supported(best.toLanguageTag());
        } catch (IllegalArgumentException malformed) {
            return ENGLISH;
        }
    }

    public static String safeReturn(String to) {
        if (to == null || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\") || to.length() > 2000) {
            return "/";
        }
        try {
            java.net.URI.create(to);
            return to;
        } catch (IllegalArgumentException notAnAddress) {
            return "/";
        }
    }

    /** The language of the person whose request this is; empty in a scheduled job, which has no reader. */
    public static java.util.Optional<Locale> ofRequest() {
        var context = Arc.container().requestContext();
        if (context == null || !context.isActive()) {
            return java.util.Optional.empty();
        }
        Language language = proxy();
        return language.request() == null ? java.util.Optional.empty() : java.util.Optional.of(language.locale());
    }

    /** The current request's language, or English where there is no request (a scheduled job). */
    public static Locale current() {
        var context = Arc.container().requestContext();
        if (context == null || !context.isActive()) {
            return ENGLISH;
        }
        return proxy().locale();
    }

    /** The bean's client proxy, looked up once: it reaches the current request's instance on each call. */
    private static volatile Language proxy;

    private static Language proxy() {
        Language p = proxy;
        return p != null ? p : (proxy = Arc.container().instance(Language.class).get());
    }

    /** A message bundle in a language: {@code Language.bundle(PageMessages.class, locale).notFound()}. */
    @SuppressWarnings("unchecked")
    public static <B> B bundle(Class<B> type, Locale locale) {
        return (B) BUNDLES.get(type)[index(locale)];
    }

    /** The place of a locale's language in {@link #SUPPORTED}; English for any other. */
    private static int index(Locale locale) {
        if (locale == null) {
            return 0;
        }
        String language = locale.getLanguage();
        for (int i = 1; i < SUPPORTED.size(); i++) {
            if (SUPPORTED.get(i).getLanguage().equals(language)) {
                return i;
            }
        }
        return 0;
    }

    /** Each bundle type in every supported language, looked up once: pages ask for them per row. */
    private static final ClassValue<Object[]> BUNDLES = new ClassValue<>() {
        @Override
        protected Object[] computeValue(Class<?> type) {
            return SUPPORTED.stream().map(l -> l.equals(ENGLISH)
                    ? MessageBundles.get(type)
                    : MessageBundles.get(type, Localized.Literal.of(l.toLanguageTag()))).toArray();
        }
    };

    /** A bundle in the current request's language. */
    public static <B> B bundle(Class<B> type) {
        return bundle(type, current());
    }
}
