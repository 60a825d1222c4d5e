package health.leap.portal;

import health.leap.portal.platform.Clocks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How the portal's packages depend on each other, read from the compiled classes (every class a
 * class file names in its constant pool): imports run one way, down the floors below, only the
 * named place touches JDBC, and each table the portal writes has one writer ({@code appointment}:
 * its lifecycle). The README's "Architecture" section says the same.
 */
class ArchitectureTest {

    /** Each package and its floor: a package may use its own floor's neighbours never, and floors below it freely. */
    private static final Map<String, Integer> FLOORS = new LinkedHashMap<>();

    static {
        FLOORS.put("platform", 0);     // clock, embedded database, native SQL through Hibernate, money
        FLOORS.put("web", 1);          // error codes, refusals, parameters, formats, rate limits, headers
        FLOORS.put("patient", 2);      // who is calling: patient, staff, preview
        FLOORS.put("clinic", 3);       // centres, services and the booking rules every feature shares
        FLOORS.put("payment", 4);      // the gateway port, the sandbox, payments and refunds
        FLOORS.put("packages", 4);     // treatment packages and their sessions
        FLOORS.put("doctors", 4);      // browsing doctors and free times
        FLOORS.put("appointments", 5); // the lifecycle (one writer), cancel, reschedule, history
        FLOORS.put("booking", 6);      // hold, pay, confirm
        FLOORS.put("staff", 7);        // approvals, front desk, finder
        FLOORS.put("demo", 7);         // the demo clinic
        FLOORS.put("mail", 7);         // the outbox, its sender, reminders and the patient's email choices
    }

    private static final String ROOT = "health/leap/portal/";
    private static final Pattern PORTAL_CLASS = Pattern.compile("health/leap/portal/([a-z]+)/([A-Za-z0-9_$/]+)");

    private static final Map<String, ClassFile> CLASSES = new TreeMap<>();

    @BeforeAll
    static void readCompiledClasses() throws IOException, URISyntaxException {
        Path root = Path.of(Clocks.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root.resolve(ROOT))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('\\', '/').replaceAll("\\.class$", "");
                CLASSES.put(name, ClassFile.read(Files.readAllBytes(file)));
            }
        }
        assertTrue(CLASSES.size() > 50, "the portal's classes were found under " + root);
    }

    @Test
    void everyPackageHasAFloorAndUsesOnlyTheFloorsBelowIt() {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Set<String>> uses : packageUses().entrySet()) {
            String from = uses.getKey();
            Integer floor = FLOORS.get(from);
            if (floor == null) {
                wrong.add(from + " has no floor: add it to FLOORS and to the README's architecture section");
                continue;
            }
            for (String to : uses.getValue()) {
                Integer below = FLOORS.get(to);
                if (below == null || below >= floor) {
                    wrong.add(from + " (floor " + floor + ") uses " + to + " (floor " + below + ")");
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void noTwoPackagesUseEachOther() {
        Map<String, Set<String>> uses = packageUses();
        List<String> cycles = new ArrayList<>();
        for (String a : uses.keySet()) {
            for (String b : uses.get(a)) {
                if (a.compareTo(b) < 0 && reaches(uses, b, a, new HashSet<>())) {
                    cycles.add(a + " <-> " + b);
                }
            }
        }
        assertEquals(List.of(), cycles);
    }

    @Test
    void jdbcOnlyWhereTheReasonIsWritten() {
        // RateLimits: autocommit statements outside the request's transaction (see its comment);
        // DatabaseOutages: runs no SQL, only flushes the pool's dead connections after the database went away
        Set<String> allowed = Set.of(ROOT + "web/RateLimits", ROOT + "web/DatabaseOutages");
        Set<String> users = new TreeSet<>();
        CLASSES.forEach((name, file) -> {
            boolean jdbc = file.classes().stream().anyMatch(c -> c.startsWith("java/sql/Connection")
                    || c.startsWith("java/sql/PreparedStatement") || c.startsWith("java/sql/ResultSet")
                    || c.startsWith("javax/sql/") || c.startsWith("io/agroal/"));
            if (jdbc && !allowed.contains(outer(name))) {
                users.add(name);
            }
        });
        assertEquals(Set.of(), users, "classes that reach PostgreSQL beside Hibernate");
    }

    /** Each table the portal writes, and the one class that writes it (SQL or Panache). */
    private static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("appointment", "appointments/AppointmentLifecycle"),
            Map.entry("appointment_event", "appointments/AppointmentLifecycle"),
            Map.entry("payment", "payment/Payment"),
            Map.entry("refund", "payment/Refund"),
            Map.entry("sandbox_gateway_ledger", "payment/SandboxLedgerEntry"),
            Map.entry("patient_package", "packages/PackagePurchase"),
            Map.entry("package_redemption", "packages/PackageRedemption"),
            Map.entry("slot", "doctors/Slot"),
            Map.entry("preview_audit", "patient/PreviewAudit"),
            Map.entry("family_link", "patient/FamilyLinks"),
            Map.entry("family_link_audit", "patient/FamilyLinks"),
            Map.entry("rate_limit", "web/RateLimits"),
            Map.entry("mail_outbox", "mail/MailMessage"),
            Map.entry("mail_preference", "mail/MailPreference"));

    /** The entity of each table: a Panache write through it counts as a write of the table. */
    private static final Map<String, String> ENTITIES = Map.ofEntries(
            Map.entry("appointments/Appointment", "appointment"),
            Map.entry("appointments/AppointmentEvent", "appointment_event"),
            Map.entry("payment/Payment", "payment"),
            Map.entry("payment/Refund", "refund"),
            Map.entry("payment/SandboxLedgerEntry", "sandbox_gateway_ledger"),
            Map.entry("packages/PackagePurchase", "patient_package"),
            Map.entry("packages/PackageRedemption", "package_redemption"),
            Map.entry("doctors/Slot", "slot"),
            Map.entry("patient/PreviewAudit", "preview_audit"),
            Map.entry("patient/FamilyLink", "family_link"),
            Map.entry("patient/FamilyLinkAudit", "family_link_audit"),
            Map.entry("mail/MailMessage", "mail_outbox"),
            Map.entry("mail/MailPreference", "mail_preference"));

    private static final Pattern WRITE = Pattern.compile("(?i)\\b(?:insert\\s+into|(?<!for\\s)(?<!do\\s)update|delete\\s+from)\\s+([a-z_]+)\\b");
    private static final Set<String> PANACHE_WRITES = Set.of("update", "persist", "persistAndFlush", "delete", "deleteAll");

    @Test
    void everyTableHasOneWriter() {
        Map<String, Set<String>> writers = new TreeMap<>();
        CLASSES.forEach((name, file) -> {
            String writer = outer(name).substring(ROOT.length());
            if (writer.equals("demo/DemoData")) {
                // loads the demo clinic once into an empty database: seed data, not a change
                return;
            }
            for (String sql : file.strings()) {
                Matcher m = WRITE.matcher(sql);
                while (m.find()) {
                    writers.computeIfAbsent(m.group(1).toLowerCase(), t -> new TreeSet<>()).add(writer);
                }
            }
            for (String call : file.methodCalls()) {
                int dot = call.lastIndexOf('.');
                String owner = call.substring(0, dot);
                String table = owner.startsWith(ROOT) ? ENTITIES.get(owner.substring(ROOT.length())) : null;
                if (table != null && PANACHE_WRITES.contains(call.substring(dot + 1))) {
                    writers.computeIfAbsent(table, t -> new TreeSet<>()).add(writer);
                }
            }
        });
        Map<String, Set<String>> expected = new TreeMap<>();
        writers.keySet().forEach(table -> expected.put(table, Set.of(OWNERS.getOrDefault(table, "an owner in OWNERS"))));
        assertEquals(expected, writers);
    }

    private static String outer(String className) {
        int nested = className.indexOf('$');
        return nested < 0 ? className : className.substring(0, nested);
    }

    private static Map<String, Set<String>> packageUses() {
        Map<String, Set<String>> uses = new TreeMap<>();
        CLASSES.forEach((name, file) -> {
            String from = packageOf(name);
            Set<String> to = uses.computeIfAbsent(from, k -> new TreeSet<>());
            for (String s : file.classes()) {
                Matcher m = PORTAL_CLASS.matcher(s);
                while (m.find()) {
                    if (!m.group(1).equals(from)) {
                        to.add(m.group(1));
                    }
                }
            }
        });
        return uses;
    }

    private static String packageOf(String className) {
        String rest = className.substring(ROOT.length());
        return rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : "";
    }

    private static boolean reaches(Map<String, Set<String>> uses, String from, String to, Set<String> seen) {
        if (from.equals(to)) {
            return true;
        }
        if (!seen.add(from)) {
            return false;
        }
        for (String next : uses.getOrDefault(from, Set.of())) {
            if (reaches(uses, next, to, seen)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What a class file's constant pool names: classes and descriptors (every type it uses), string
     * constants (its SQL), and the methods it calls, as owner.name.
     */
    private record ClassFile(Set<String> classes, Set<String> strings, Set<String> methodCalls) {

        static ClassFile read(byte[] bytes) throws IOException {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            in.skipBytes(8);
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            int[] classNames = new int[count];
            int[] stringValues = new int[count];
            int[][] refs = new int[count][];
            int[][] nameAndTypes = new int[count][];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7 -> classNames[i] = in.readUnsignedShort();
                    case 8 -> stringValues[i] = in.readUnsignedShort();
                    case 9, 10, 11 -> refs[i] = new int[]{in.readUnsignedShort(), in.readUnsignedShort()};
                    case 12 -> nameAndTypes[i] = new int[]{in.readUnsignedShort(), in.readUnsignedShort()};
                    case 3, 4 -> in.skipBytes(4);
                    case 5, 6 -> {
                        in.skipBytes(8);
                        i++;
                    }
                    case 16, 19, 20 -> in.skipBytes(2);
                    case 17, 18 -> in.skipBytes(4);
                    case 15 -> in.skipBytes(3);
                    default -> throw new IOException("unknown constant pool tag " + tag);
                }
            }
            Set<String> classes = new HashSet<>();
            Set<String> strings = new HashSet<>();
            Set<String> calls = new HashSet<>();
            for (int i = 1; i < count; i++) {
                if (utf8[i] != null && !isStringValue(stringValues, i)) {
                    classes.add(utf8[i]);
                }
                if (stringValues[i] != 0) {
                    strings.add(utf8[stringValues[i]]);
                }
                if (refs[i] != null) {
                    String owner = utf8[classNames[refs[i][0]]];
                    String method = utf8[nameAndTypes[refs[i][1]][0]];
                    calls.add(owner + "." + method);
                }
            }
            return new ClassFile(classes, strings, calls);
        }

        private static boolean isStringValue(int[] stringValues, int utf8Index) {
            for (int v : stringValues) {
                if (v == utf8Index) {
                    return true;
                }
            }
            return false;
        }
    }
}
