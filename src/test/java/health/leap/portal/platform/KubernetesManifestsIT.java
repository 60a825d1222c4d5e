package health.leap.portal.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kubernetes manifests {@code quarkus-kubernetes} generated at package time: two replicas with
 * resource limits, probes on the health paths the portal serves ({@link ProductionStartIT} asks the
 * running portal for each), settings from the ConfigMap, secrets from the Secret and none inlined.
 */
class KubernetesManifestsIT {

    static final Path MANIFESTS = Path.of("target/kubernetes/kubernetes.json");
    static final Pattern SECRET_NAME = Pattern.compile(".*(SECRET|PASSWORD|KEY|TOKEN|CREDENTIAL).*");

    static JsonNode deployment;
    static JsonNode configMap;
    static JsonNode service;
    static String text;

    @BeforeAll
    static void read() throws IOException {
        text = Files.readString(MANIFESTS);
        for (JsonNode item : new ObjectMapper().readTree(text)) {
            switch (item.path("kind").asText()) {
                case "Deployment" -> deployment = item;
                case "ConfigMap" -> configMap = item;
                case "Service" -> service = item;
                default -> {
                }
            }
        }
        assertTrue(deployment != null && configMap != null, "a Deployment and a ConfigMap in " + MANIFESTS);
    }

    static JsonNode container() {
        return deployment.path("spec").path("template").path("spec").path("containers").path(0);
    }

    /** The probes' paths, for the test that asks the running portal for them. */
    static Map<String, String> probePaths() throws IOException {
        read();
        JsonNode c = container();
        return Map.of("liveness", c.path("livenessProbe").path("httpGet").path("path").asText(),
                "readiness", c.path("readinessProbe").path("httpGet").path("path").asText(),
                "startup", c.path("startupProbe").path("httpGet").path("path").asText());
    }

    @Test
    void twoReplicasWithLimitsAndProbesOnTheHealthPaths() throws IOException {
        JsonNode c = container();
        assertAll(
                () -> assertEquals(2, deployment.path("spec").path("replicas").asInt()),
                () -> assertFalse(c.path("resources").path("limits").path("memory").asText().isEmpty(), "memory limit"),
                () -> assertFalse(c.path("resources").path("limits").path("cpu").asText().isEmpty(), "cpu limit"),
                () -> assertFalse(c.path("resources").path("requests").path("memory").asText().isEmpty(), "memory request"),
                () -> assertEquals(Map.of("liveness", "/q/health/live", "readiness", "/q/health/ready", "startup", "/q/health/started"),
                        probePaths()),
                () -> assertEquals(8080, c.path("readinessProbe").path("httpGet").path("port").asInt()),
                () -> assertEquals(8080, c.path("livenessProbe").path("httpGet").path("port").asInt()),
                () -> assertEquals(8080, c.path("startupProbe").path("httpGet").path("port").asInt()),
                () -> assertEquals(8080, port(c, "http")),
                () -> assertTrue(deployment.path("spec").path("template").path("spec").path("terminationGracePeriodSeconds").asInt() >= 35,
                        "time to finish requests in flight"));
    }

    /** The container's port of that name (the generator lists them in no fixed order), or -1. */
    static int port(JsonNode container, String name) {
        for (JsonNode port : container.path("ports")) {
            if (port.path("name").asText().equals(name)) {
                return port.path("containerPort").asInt();
            }
        }
        return -1;
    }

    @Test
    void theMetricsPortIsThePodsOnlyNeverTheServices() {
        assertEquals(9000, port(container(), "management"), "the pod names its management port, for the cluster's scraper");
        assertTrue(service != null, "a Service");
        for (JsonNode port : service.path("spec").path("ports")) {
            assertEquals(8080, port.path("targetPort").asInt(), "the Service exposes the patients' port only");
        }
    }

    @Test
    void settingsComeFromTheConfigMapAndSecretsFromTheSecretNeverInlined() throws IOException {
        JsonNode c = container();
        List<String> sources = new ArrayList<>();
        c.path("envFrom").forEach(from -> {
            if (from.has("secretRef")) {
                sources.add("secret " + from.path("secretRef").path("name").asText());
            }
            if (from.has("configMapRef")) {
                sources.add("configMap " + from.path("configMapRef").path("name").asText());
            }
        });
        List<String> inlined = new ArrayList<>();
        c.path("env").forEach(env -> {
            if (SECRET_NAME.matcher(env.path("name").asText()).matches() && env.has("value")) {
                inlined.add(env.path("name").asText());
            }
        });
        configMap.path("data").fieldNames().forEachRemaining(name -> {
            if (SECRET_NAME.matcher(name).matches()) {
                inlined.add("ConfigMap " + name);
            }
        });
        // the packaged demo values appear nowhere
        Properties packaged = new Properties();
        packaged.load(Files.newBufferedReader(Path.of("target/classes/application.properties")));
        List<String> demoValues = packaged.stringPropertyNames().stream()
                .filter(key -> key.startsWith("%demo.") && SECRET_NAME.matcher(key.toUpperCase()).matches())
                .map(packaged::getProperty).toList();
        assertAll(
                () -> assertTrue(sources.contains("secret leaphealth-portal-secrets"), sources.toString()),
                () -> assertTrue(sources.contains("configMap leaphealth-portal-config"), sources.toString()),
                () -> assertEquals("leaphealth-portal-config", configMap.path("metadata").path("name").asText()),
                () -> assertEquals(List.of(), inlined, "secrets inlined"),
                () -> assertTrue(demoValues.size() >= 3, "the demo secrets: " + demoValues),
                () -> assertTrue(demoValues.stream().noneMatch(text::contains), "a demo secret in the manifests"),
                () -> assertFalse(text.contains("\"kind\" : \"Secret\"") || text.contains("\"kind\":\"Secret\""),
                        "the Secret is the operator's, never generated with values"));
    }
}
