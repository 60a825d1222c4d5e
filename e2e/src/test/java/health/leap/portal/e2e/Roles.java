package health.leap.portal.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import java.util.regex.Pattern;

/** Accessible names, matched whole: "Pay GBP 20.00" must not find "Pay GBP 20.00 and confirm". */
final class Roles {

    private Roles() {
    }

    static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    static Page.GetByRoleOptions named(Pattern name) {
        return new Page.GetByRoleOptions().setName(name);
    }

    static Locator.GetByRoleOptions childNamed(String name) {
        return new Locator.GetByRoleOptions().setName(name).setExact(true);
    }
}
