package health.leap.portal.patient;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.time.Clock;

/**
 * A patient chose a language with the switcher on every page: their emails are written in it from
 * then on, whatever language the request that causes one is in ({@link Notices#render}).
 */
@ApplicationScoped
public class MailLanguage {

    private final Clock clock;

    public MailLanguage(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    void onChosen(@Observes LanguageChosen chosen) {
        MailPreference.saveLanguage(chosen.tenantId(), chosen.leadId(), chosen.language().toLanguageTag(), clock.instant());
    }
}
