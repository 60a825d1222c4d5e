package health.leap.portal.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * The JVMs a test build starts live for minutes: the C1 compiler alone and the serial collector cost
 * the two cores less processor time than a server JVM's defaults, which the browsers and the other
 * processes of the build need (measured in src/docs/testing.md). Maven's own ({@code .mvn/jvm.config}),
 * the test JVMs (pom.xml's {@code argLine}), the build's Keycloak and every portal a test starts use them.
 */
public final class TestJvm {

    public static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private TestJvm() {
    }

    /** As one line, for a script's environment ({@code PORTAL_JAVA_OPTS}). */
    public static String options() {
        return String.join(" ", OPTIONS);
    }

    /** For Keycloak's {@code JAVA_OPTS_APPEND}: its {@code kc.sh} chooses a collector of its own, and a JVM refuses two. */
    public static String compilerOption() {
        return OPTIONS.get(0);
    }

    /** The packaged portal, started with this JVM's java. */
    public static List<String> packagedPortal() {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(OPTIONS);
        command.add("-jar");
        command.add("target/quarkus-app/quarkus-run.jar");
        return command;
    }
}
