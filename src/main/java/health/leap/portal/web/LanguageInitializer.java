package health.leap.portal.web;

import io.quarkus.qute.EngineBuilder;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Every page and fragment is written in the request's language: message bundles and the date and money
 * extensions read the instance's {@code locale}, which every new template instance gets here. Mail,
 * rendered by a job, sets its reader's own afterwards.
 */
@Singleton
public class LanguageInitializer {

    void configure(@Observes EngineBuilder engine) {
        engine.addTemplateInstanceInitializer(instance -> instance.setLocale(Language.current()));
    }
}
