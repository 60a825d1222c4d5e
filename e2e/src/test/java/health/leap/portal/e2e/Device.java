package health.leap.portal.e2e;

import com.microsoft.playwright.Browser;

/** The screen and browser a visitor uses. */
enum Device {

    DESKTOP(1280, 800, true),
    /** An iPhone 12 to 15 sized screen. */
    PHONE(390, 844, true),
    /** Every form must work with scripts off, as the spec asks. */
    DESKTOP_WITHOUT_JAVASCRIPT(1280, 800, false);

    final int width;
    final int height;
    final boolean javaScript;

    Device(int width, int height, boolean javaScript) {
        this.width = width;
        this.height = height;
        this.javaScript = javaScript;
    }

    Browser.NewContextOptions contextOptions() {
        return new Browser.NewContextOptions()
                .setViewportSize(width, height)
                .setJavaScriptEnabled(javaScript)
                .setLocale("en-GB")
                .setIsMobile(this == PHONE)
                .setHasTouch(this == PHONE);
    }
}
