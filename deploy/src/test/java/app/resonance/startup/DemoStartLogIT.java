package app.resonance.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.testapp.BundleProcess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The demo start as the README's run command does it ({@code ./mvnw -Prun -DskipTests package}): the system
 * properties and Payara Micro options of the {@code run} profile in deploy/pom.xml, a fresh data directory, the
 * demo loaded. Its log has none of the misleading warnings a new user saw: "no value found" for each database
 * setting although all have defaults, and Hazelcast's "Some of the ports seem occupied!" with clustering off (the
 * test holds Hazelcast's first port 6900, as another Payara on the machine would). And it stops as the README says,
 * with Ctrl-C, ending with an exit code the run profile counts as success and no stack trace.
 */
class DemoStartLogIT {

    @Test
    void theDemoStartsWithoutMisleadingWarnings() throws Exception {
        RunProfile run = RunProfile.read(Path.of("pom.xml"));
        Path dir = Path.of("target", "start-log").toAbsolutePath();
        deleteTree(dir);
        Map<String, String> properties = new LinkedHashMap<>(run.properties());
        properties.put("resonance.data.dir", dir.resolve("data").toString());
        ServerSocket hazelcastPort = holdHazelcastPort();
        try (var app = new BundleProcess(
                BundleProcess.freePort(),
                properties,
                dir.resolve("app.log"),
                run.options().toArray(String[]::new))) {
            app.start(Duration.ofSeconds(300));
            String log = Files.readString(app.log(), StandardCharsets.UTF_8);
            List<String> warnings = warnings(log);
            assertEquals(
                    List.of(),
                    warnings.stream().filter(w -> w.contains("no value found")).toList(),
                    "database settings have defaults: no 'no value found' in " + app.log());
            assertEquals(
                    List.of(),
                    warnings.stream()
                            .filter(w -> w.contains("ports seem occupied") || w.contains("com.hazelcast"))
                            .toList(),
                    "no Hazelcast warning with clustering off: " + app.log());
            assertTrue(
                    Files.isRegularFile(dir.resolve("data").resolve("resonance.mv.db")),
                    "the H2 database lives in the data directory (resonance.data.dir): " + app.log());
            // Ctrl-C, as the README says: Payara stops, and the exit code is one the run profile counts as a
            // normal end, so Maven ends quietly instead of printing "Command execution failed" with a stack trace.
            long before = Files.size(app.log());
            int exit = app.interrupt(Duration.ofSeconds(60));
            assertTrue(
                    run.successCodes().contains(exit),
                    "exit code " + exit + " after Ctrl-C is one of the run profile's success codes "
                            + run.successCodes());
            String stopping = new String(
                    Arrays.copyOfRange(Files.readAllBytes(app.log()), (int) before, (int) Files.size(app.log())),
                    StandardCharsets.UTF_8);
            assertFalse(
                    stopping.contains("\tat ") || stopping.contains("Exception"),
                    "stopping logs no stack trace: " + stopping);
            // what is left, for the closing note and the next person who cleans the log
            System.out.println("[start-log] " + warnings.size() + " other warnings:");
            warnings.stream()
                    .map(w -> w.length() > 200 ? w.substring(0, 200) : w)
                    .forEach(w -> System.out.println("[start-log]   " + w));
        } finally {
            if (hazelcastPort != null) {
                hazelcastPort.close();
            }
        }
    }

    /** Payara's log records at WARNING, each as its first line without the colour codes. */
    static List<String> warnings(String log) {
        List<String> found = new ArrayList<>();
        for (String line : log.split("\n")) {
            String plain = line.replaceAll("\u001B\\[[0-9;]*m", "");
            if (plain.contains("[WARNING]") || plain.startsWith("WARNING:")) {
                found.add(plain);
            }
        }
        return found;
    }

    /** Port 6900, where a Payara Micro's Hazelcast starts, taken as another instance on the machine would. */
    static ServerSocket holdHazelcastPort() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.bind(new InetSocketAddress(6900));
            return socket;
        } catch (IOException e) {
            return null; // taken already: by another Payara on this machine
        }
    }

    /** The {@code run} profile's java arguments in deploy/pom.xml: its -D properties and the options after the jar. */
    record RunProfile(Map<String, String> properties, List<String> options, List<Integer> successCodes) {

        static RunProfile read(Path pom) throws IOException {
            String xml = Files.readString(pom, StandardCharsets.UTF_8);
            Matcher profile = Pattern.compile("<id>run</id>(.*?)</profile>", Pattern.DOTALL)
                    .matcher(xml);
            assertTrue(profile.find(), "the run profile in " + pom);
            String text = profile.group(1);
            Map<String, String> values = new LinkedHashMap<>();
            Matcher property = Pattern.compile("<resonance\\.demo\\.admin\\.password>(.*?)<")
                    .matcher(text);
            if (property.find()) {
                values.put("resonance.demo.admin.password", property.group(1));
            }
            Map<String, String> properties = new LinkedHashMap<>();
            List<String> options = new ArrayList<>();
            boolean afterJar = false;
            Matcher argument = Pattern.compile("<argument>(.*?)</argument>").matcher(text);
            while (argument.find()) {
                String a = argument.group(1);
                for (var v : values.entrySet()) {
                    a = a.replace("${" + v.getKey() + "}", v.getValue());
                }
                if (a.equals("${bundle.jar}")) {
                    afterJar = true;
                } else if (afterJar) {
                    options.add(a);
                } else if (a.startsWith("-D")) {
                    String[] kv = a.substring(2).split("=", 2);
                    properties.put(kv[0], kv[1]);
                }
            }
            // the port comes from BundleProcess
            int port = options.indexOf("--port");
            if (port >= 0) {
                options.remove(port + 1);
                options.remove(port);
            }
            List<Integer> successCodes = new ArrayList<>();
            Matcher code = Pattern.compile("<successCode>(\\d+)</successCode>").matcher(text);
            while (code.find()) {
                successCodes.add(Integer.parseInt(code.group(1)));
            }
            return new RunProfile(properties, options, successCodes);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
