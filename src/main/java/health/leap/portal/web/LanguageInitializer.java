package health.leap.portal.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Singleton;

/**
 * Every page and fragment is written in the request's language: message bundles and the date and money
 * extensions read the instance's {@code locale}. Mail, rendered by a job, sets its reader's own.
 */
@Singleton
public class LanguageInitializer implements TemplateInstance.Initializer {

    @Override
    public void accept(TemplateInstance instance) {
        instance.setLocale(Language.current());
    }
}
