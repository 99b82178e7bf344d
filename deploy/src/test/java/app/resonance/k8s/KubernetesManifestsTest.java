package app.resonance.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Kubernetes manifests (deploy/k8s) read back with SnakeYAML, since no cluster and no Docker engine run
 * here: they fit together (selectors, names, ports), fit the Dockerfile, and fit the app (health paths it
 * serves, settings it reads, the data grid discovery through the headless service).
 */
class KubernetesManifestsTest {

    static final Path K8S = Path.of("k8s");
    static final Path DOCKERFILE = Path.of("Dockerfile");
    static final Path README = Path.of("..", "README.md");

    static List<Map<String, Object>> documents;

    @BeforeAll
    static void read() throws IOException {
        documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(K8S)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                var yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
                for (Object doc : yaml.loadAll(Files.readString(file))) {
                    assertTrue(doc instanceof Map, file + ": every document is a mapping");
                    documents.add(map(doc));
                }
            }
        }
    }

    @Test
    void everyManifestHasKindNameAndTheNamespace() {
        assertEquals(
                Set.of(
                        "Namespace",
                        "ServiceAccount",
                        "Role",
                        "RoleBinding",
                        "ConfigMap",
                        "Secret",
                        "Service",
                        "Deployment"),
                documents.stream().map(d -> (String) d.get("kind")).collect(Collectors.toSet()));
        for (var doc : documents) {
            assertNotNull(doc.get("apiVersion"), doc.toString());
            var metadata = map(doc.get("metadata"));
            assertNotNull(metadata.get("name"), doc.toString());
            if (!"Namespace".equals(doc.get("kind"))) {
                assertEquals("resonance", metadata.get("namespace"), metadata.get("name") + " namespace");
            }
        }
    }

    @Test
    void twoReplicasWithProbesOnTheHealthPathsAndPortsOfTheDockerfile() throws IOException {
        var deployment = one("Deployment", "resonance");
        var spec = map(deployment.get("spec"));
        assertEquals(2, spec.get("replicas"));
        var container = container();

        Map<String, Integer> ports = new java.util.HashMap<>();
        for (Object p : list(container.get("ports"))) {
            ports.put((String) map(p).get("name"), (Integer) map(p).get("containerPort"));
        }
        assertEquals(Map.of("http", 8080, "hazelcast", 6900), ports);
        String dockerfile = Files.readString(DOCKERFILE);
        Matcher expose = Pattern.compile("(?m)^EXPOSE (.+)$").matcher(dockerfile);
        assertTrue(expose.find(), "the Dockerfile exposes its ports");
        assertEquals(Set.of("8080", "6900"), Set.of(expose.group(1).trim().split("\\s+")));
        assertTrue(dockerfile.contains("\"--port\", \"8080\""), "the image starts the HTTP listener on 8080");
        assertTrue(dockerfile.contains("COPY --chown=resonance:resonance target/resonance.jar"), "the bundle");
        Matcher user = Pattern.compile("(?m)^USER (\\S+)$").matcher(dockerfile);
        assertTrue(user.find(), "the image names its user");
        assertFalse(Set.of("root", "0").contains(user.group(1)), "not root: " + user.group(1));

        // The health endpoints the app serves through MicroProfile Health (BundleProcess waits on /health/ready).
        assertEquals("/health/ready", probe(container, "readinessProbe"));
        assertEquals("/health/live", probe(container, "livenessProbe"));
        assertEquals("/health/live", probe(container, "startupProbe"));
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            assertEquals("http", map(map(container.get(probe)).get("httpGet")).get("port"), probe + " port");
        }

        var resources = map(container.get("resources"));
        for (String kind : List.of("requests", "limits")) {
            assertTrue(map(resources.get(kind)).keySet().containsAll(Set.of("cpu", "memory")), kind);
        }
    }

    @Test
    void servicesSelectThePodsAndTheDataGridDiscoversThemThroughTheHeadlessService() {
        var deployment = map(one("Deployment", "resonance").get("spec"));
        var podLabels = map(map(map(deployment.get("template")).get("metadata")).get("labels"));
        var matchLabels = map(map(deployment.get("selector")).get("matchLabels"));
        assertTrue(podLabels.entrySet().containsAll(matchLabels.entrySet()), "the Deployment selects its pods");

        var http = map(one("Service", "resonance").get("spec"));
        assertTrue(podLabels.entrySet().containsAll(map(http.get("selector")).entrySet()));
        assertEquals("http", map(list(http.get("ports")).get(0)).get("targetPort"));

        var grid = map(one("Service", "resonance-hazelcast").get("spec"));
        assertEquals("None", grid.get("clusterIP"), "headless");
        assertEquals(true, grid.get("publishNotReadyAddresses"), "members find each other before they are ready");
        assertTrue(podLabels.entrySet().containsAll(map(grid.get("selector")).entrySet()));
        assertEquals(6900, map(list(grid.get("ports")).get(0)).get("port"));

        // Payara Micro: --clustermode kubernetes:<namespace>,<service name>
        List<Object> args = list(container().get("args"));
        int mode = args.indexOf("--clustermode");
        assertTrue(mode >= 0, "the data grid discovery mode is set: " + args);
        assertEquals("kubernetes:resonance,resonance-hazelcast", args.get(mode + 1));
        assertTrue(args.contains("--clustername"), "its own cluster name");

        // The pods' service account may read the pods and endpoints of the namespace, nothing more.
        String account =
                (String) map(map(deployment.get("template")).get("spec")).get("serviceAccountName");
        one("ServiceAccount", account);
        var binding = one("RoleBinding", "resonance-hazelcast-discovery");
        assertEquals(account, map(list(binding.get("subjects")).get(0)).get("name"));
        String roleName = (String) map(binding.get("roleRef")).get("name");
        assertEquals("Role", map(binding.get("roleRef")).get("kind"));
        Set<String> readable = new HashSet<>();
        for (Object rule : list(one("Role", roleName).get("rules"))) {
            var r = map(rule);
            assertEquals(List.of("get", "list"), r.get("verbs"), "read only");
            list(r.get("resources")).forEach(x -> readable.add((String) x));
        }
        assertTrue(readable.containsAll(Set.of("pods", "endpoints")), "readable: " + readable);
    }

    @Test
    void settingsComeFromTheConfigMapAndTheSecretAndAreOnesTheAppReads() throws IOException {
        var envFrom = list(container().get("envFrom"));
        String configMap = (String) map(map(envFrom.get(0)).get("configMapRef")).get("name");
        String secret = (String) map(map(envFrom.get(1)).get("secretRef")).get("name");
        var config = map(one("ConfigMap", configMap).get("data"));
        var secrets = map(one("Secret", secret).get("stringData"));

        // Every setting the README documents (its Configuration table), i.e. every key the app reads.
        Set<String> documented = new HashSet<>();
        Matcher m = Pattern.compile("\\| `(RESONANCE_[A-Z_]+)`").matcher(Files.readString(README));
        while (m.find()) {
            documented.add(m.group(1));
        }
        assertTrue(documented.contains("RESONANCE_DB_URL"), "the README's table was read: " + documented);
        for (String key : config.keySet()) {
            assertTrue(documented.contains(key), "ConfigMap key the app does not read: " + key);
        }
        for (String key : secrets.keySet()) {
            assertTrue(documented.contains(key), "Secret key the app does not read: " + key);
        }
        assertTrue(((String) config.get("RESONANCE_DB_URL")).startsWith("jdbc:postgresql://"), "one PostgreSQL");
        // A stopping pod drains (not ready, still serving) and then stops, all within the grace period: a drain
        // longer than it would end in a SIGKILL in the middle of requests.
        int drain = Integer.parseInt((String) config.get("RESONANCE_SHUTDOWN_DRAIN_SECONDS"));
        int grace = (Integer)
                map(map(map(one("Deployment", "resonance").get("spec")).get("template"))
                                .get("spec"))
                        .get("terminationGracePeriodSeconds");
        assertTrue(drain > 0 && drain + 15 <= grace, "drain " + drain + " s, grace period " + grace + " s");
        assertTrue(secrets.keySet().containsAll(Set.of("RESONANCE_DB_USER", "RESONANCE_DB_PASSWORD")));
        assertFalse(config.keySet().stream().anyMatch(k -> k.contains("PASSWORD")), "no password in the ConfigMap");
        for (var e : secrets.entrySet()) {
            assertTrue(((String) e.getValue()).startsWith("CHANGE-ME"), e.getKey() + " is marked as a placeholder");
        }
    }

    static Map<String, Object> container() {
        var pod = map(map(map(one("Deployment", "resonance").get("spec")).get("template"))
                .get("spec"));
        var containers = list(pod.get("containers"));
        assertEquals(1, containers.size());
        return map(containers.get(0));
    }

    static String probe(Map<String, Object> container, String name) {
        return (String) map(map(container.get(name)).get("httpGet")).get("path");
    }

    static Map<String, Object> one(String kind, String name) {
        var found = documents.stream()
                .filter(d -> kind.equals(d.get("kind"))
                        && name.equals(map(d.get("metadata")).get("name")))
                .toList();
        assertEquals(1, found.size(), kind + " " + name);
        return found.get(0);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        assertTrue(o instanceof Map, "a mapping: " + o);
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        assertTrue(o instanceof List, "a list: " + o);
        return (List<Object>) o;
    }
}
