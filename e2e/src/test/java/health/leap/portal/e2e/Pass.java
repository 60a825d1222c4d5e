package health.leap.portal.e2e;

import java.nio.file.Path;

/**
 * Which run of the journeys this JVM is ({@code -De2e.pass}). The test command runs them twice
 * against one stack, to prove that every journey leaves its patients as it found them: failsafe's
 * first execution starts the stack and leaves it running, a second execution takes it over, runs
 * the journeys again and stops it (the profile {@code journeys-twice} in pom.xml). Run any other
 * way (an IDE, {@code -De2e.base-url}) there is one run.
 */
enum Pass {

    ONLY("only", "Run", ""),
    FIRST("first", "First run", ""),
    /** Its screenshots and evidence go apart, so that they do not overwrite the first run's. */
    SECOND("second", "Second run, against the same portal", "e2e-second-run");

    /** As {@code -De2e.pass} says it. */
    final String value;
    final String title;
    private final String directory;

    Pass(String value, String title, String directory) {
        this.value = value;
        this.title = title;
        this.directory = directory;
    }

    static Pass current() {
        String pass = System.getProperty("e2e.pass", "");
        for (Pass each : values()) {
            if (each.value.equals(pass.trim())) {
                return each;
            }
        }
        return ONLY;
    }

    /** Where this run keeps a journey's photographs of every page, at phone and desktop width. */
    Path screenshots(String journey) {
        return outputDirectory().resolve("e2e-screenshots").resolve(journey);
    }

    /** Where this run keeps what a failed journey leaves: screenshot, HTML and Playwright trace of each visitor. */
    Path evidence(String journey) {
        return outputDirectory().resolve("e2e-artifacts").resolve(journey);
    }

    /** Deletes what an earlier run of the same kind left, so that the report lists this run's files only. */
    void clearOutput() {
        Stack.deleteRecursively(outputDirectory().resolve("e2e-screenshots"));
        Stack.deleteRecursively(outputDirectory().resolve("e2e-artifacts"));
    }

    private Path outputDirectory() {
        Path target = Stack.buildDirectory();
        return directory.isEmpty() ? target : target.resolve(directory);
    }
}
