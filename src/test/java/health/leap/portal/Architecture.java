package health.leap.portal;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.Architectures;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.ClassReader;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.ClassVisitor;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.MethodVisitor;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The portal's architecture as ArchUnit rules: the floors its packages stand on (a package uses only
 * the floors below it, never a neighbour on its own floor), no cycles, JDBC only where the reason is
 * written, and one writer for each table the portal writes, whether through SQL, Panache or an
 * entity's fields (Hibernate's dirty checking). {@link ArchitectureTest} checks the portal's classes
 * against them; {@link ArchitectureRulesTest} shows that each one fails when broken. src/docs/architecture.md
 * says the same.
 */
final class Architecture {

    static final String ROOT = "health.leap.portal";

    /** Each package and its floor. */
    static final Map<String, Integer> FLOORS = new LinkedHashMap<>();

    static {
        FLOORS.put("platform", 0);     // clock, embedded database, native SQL through Hibernate, money
        FLOORS.put("web", 1);          // error codes, refusals, parameters, formats, rate limits, headers
        FLOORS.put("patient", 2);      // who is calling: patient, staff, preview
        FLOORS.put("clinic", 3);       // centres, services and the booking rules every feature shares
        FLOORS.put("gateway", 4);      // the gateway port, the sandbox, the payment and refund records
        FLOORS.put("packages", 4);     // treatment packages and their sessions
        FLOORS.put("doctors", 4);      // browsing doctors and free times
        FLOORS.put("appointments", 5); // the lifecycle (one writer), cancel, reschedule, history
        FLOORS.put("booking", 6);      // hold, pay, confirm
        FLOORS.put("staff", 7);        // approvals, front desk, finder
        FLOORS.put("demo", 7);         // the demo clinic
        FLOORS.put("home", 7);         // the first page after sign-in, the patient's and the staff's
        FLOORS.put("payment", 7);      // paying for a booking, its return and sweep, refunds settling
        FLOORS.put("mail", 7);         // the outbox, its sender, reminders and the patient's email choices
        FLOORS.put("mydata", 8);       // everything the portal holds about a patient, to see and take away: reads every feature
        FLOORS.put("site", 8);         // the frame of every page: the layout's globals
    }

    /** Each table the portal writes, and the one class that writes it. */
    static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("appointment", "appointments.AppointmentLifecycle"),
            Map.entry("appointment_event", "appointments.AppointmentLifecycle"),
            Map.entry("payment", "gateway.Payment"),
            Map.entry("refund", "gateway.Refund"),
            Map.entry("sandbox_gateway_ledger", "gateway.SandboxLedgerEntry"),
            Map.entry("patient_package", "packages.PackagePurchase"),
            Map.entry("package_redemption", "packages.PackageRedemption"),
            Map.entry("slot", "doctors.Slot"),
            Map.entry("preview_audit", "patient.PreviewAudit"),
            Map.entry("family_link", "patient.FamilyLinks"),
            Map.entry("family_link_audit", "patient.FamilyLinks"),
            Map.entry("rate_limit", "web.RateLimits"),
            Map.entry("mail_outbox", "mail.MailMessage"),
            Map.entry("mail_preference", "patient.MailPreference"),
            Map.entry("lead", "patient.ContactDetails"),
            Map.entry("email_change", "patient.EmailChange"),
            Map.entry("contact_change", "patient.ContactChange"));

    /** The entity of each table: a Panache write through it, or a write of its fields, writes the table. */
    static final Map<String, String> ENTITIES = Map.ofEntries(
            Map.entry("appointments.Appointment", "appointment"),
            Map.entry("appointments.AppointmentEvent", "appointment_event"),
            Map.entry("gateway.Payment", "payment"),
            Map.entry("gateway.Refund", "refund"),
            Map.entry("gateway.SandboxLedgerEntry", "sandbox_gateway_ledger"),
            Map.entry("packages.PackagePurchase", "patient_package"),
            Map.entry("packages.PackageRedemption", "package_redemption"),
            Map.entry("doctors.Slot", "slot"),
            Map.entry("patient.PreviewAudit", "preview_audit"),
            Map.entry("patient.FamilyLink", "family_link"),
            Map.entry("patient.FamilyLinkAudit", "family_link_audit"),
            Map.entry("mail.MailMessage", "mail_outbox"),
            Map.entry("patient.MailPreference", "mail_preference"),
            Map.entry("patient.EmailChange", "email_change"),
            Map.entry("patient.ContactChange", "contact_change"));

    /** Loads the demo clinic once into an empty database: seed data, not a change. */
    private static final String SEED = "demo.DemoData";

    /**
     * RateLimits: autocommit statements outside the request's transaction (see its comment);
     * DatabaseOutages: runs no SQL, only flushes the pool's dead connections after the database went away;
     * NativeSql: hands the native statements to the driver on the session's own connection, after the
     * session's flush (Hibernate's native-query layer cost a page a third of its time).
     */
    private static final Set<String> JDBC_ALLOWED = Set.of("web.RateLimits", "web.DatabaseOutages", "platform.NativeSql");

    private static final Pattern SQL_WRITE =
            Pattern.compile("(?i)\\b(?:insert\\s+into|(?<!for\\s)(?<!do\\s)update|delete\\s+from)\\s+([a-z_]+)\\b");
    private static final Set<String> PANACHE_WRITES = Set.of("update", "persist", "persistAndFlush", "delete", "deleteAll");
    private static final Set<String> ENTITY_MANAGER_WRITES = Set.of("merge", "persist", "remove");

    /** The templates, as the build packs them. */
    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern INJECT = Pattern.compile("\\binject:([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern NAMESPACE = Pattern.compile("(?<![A-Za-z0-9_.])([a-z][A-Za-z0-9_]*):[A-Za-z_]");
    private static final Pattern INCLUDE = Pattern.compile("\\{#include\\s+([A-Za-z0-9_/]+)");
    private static final Pattern SECTION = Pattern.compile("\\{#([A-Za-z][A-Za-z0-9_]*)");

    private Architecture() {
    }

    /** Every class of the portal stands in a package that has a floor. */
    static ArchRule everyPackageHasAFloor() {
        return classes().should().resideInAnyPackage(FLOORS.keySet().stream().map(p -> ROOT + "." + p + "..").toArray(String[]::new))
                .because("each package has a floor: add a new one to Architecture.FLOORS and the architecture page");
    }

    /** A package is used only by the packages on the floors above it. */
    static ArchRule floors() {
        // a floor may be empty where only a few classes are checked (ArchitectureRulesTest)
        Architectures.LayeredArchitecture layers = Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true);
        for (String name : FLOORS.keySet()) {
            layers = layers.layer(name).definedBy(ROOT + "." + name + "..");
        }
        for (Map.Entry<String, Integer> floor : FLOORS.entrySet()) {
            String[] above = FLOORS.entrySet().stream().filter(other -> other.getValue() > floor.getValue())
                    .map(Map.Entry::getKey).toArray(String[]::new);
            layers = above.length == 0
                    ? layers.whereLayer(floor.getKey()).mayNotBeAccessedByAnyLayer()
                    : layers.whereLayer(floor.getKey()).mayOnlyBeAccessedByLayers(above);
        }
        return layers;
    }

    /**
     * A class that renders templates (its {@code @CheckedTemplate} methods) reaches through them only
     * what it could import: the beans the templates read ({@code inject:name}) and the message bundles
     * they use ({@code page:}, {@code clinic:}), the layout and tags they include counted too, stand on
     * its floor or below. What every page's frame shows comes from {@code site.PageFrame}'s globals.
     */
    static ArchRule templatesUseOnlyTheirFloor(Path templates) {
        return classes().should(new ArchCondition<JavaClass>("render templates that use only their floor or below") {
            private final Map<String, JavaClass> named = new LinkedHashMap<>();

            @Override
            public void init(java.util.Collection<JavaClass> all) {
                for (JavaClass type : all) {
                    type.tryGetAnnotationOfType("jakarta.inject.Named")
                            .ifPresent(a -> named.put("inject:" + a.get("value").orElse(""), type));
                    type.tryGetAnnotationOfType("io.quarkus.qute.i18n.MessageBundle")
                            .ifPresent(a -> named.put("bundle:" + a.get("value").orElse("msg"), type));
                }
            }

            @Override
            public void check(JavaClass renderer, ConditionEvents events) {
                Optional<String> basePath = renderer.tryGetAnnotationOfType("io.quarkus.qute.CheckedTemplate")
                        .map(a -> (String) a.get("basePath").orElse(""));
                if (basePath.isEmpty()) {
                    return;
                }
                JavaClass owner = renderer.getEnclosingClass().orElse(renderer);
                Integer floor = FLOORS.get(packageOf(owner));
                Set<String> rendered = new LinkedHashSet<>();
                for (JavaMethod method : renderer.getMethods()) {
                    if (method.getModifiers().contains(JavaModifier.NATIVE)) {
                        // a fragment ($name) is part of its template
                        rendered.add(basePath.get() + "/" + method.getName().replaceAll("\\$.*", ""));
                    }
                }
                for (String template : rendered) {
                    for (String used : uses(templates, template, new LinkedHashSet<>())) {
                        JavaClass bean = named.get(used);
                        Integer beanFloor = bean == null ? null : FLOORS.get(packageOf(bean));
                        if (floor != null && beanFloor != null && beanFloor > floor) {
                            events.add(SimpleConditionEvent.violated(renderer, owner.getName() + " (floor " + floor
                                    + ") renders " + template + ", which reaches " + used + " of " + bean.getName()
                                    + " (floor " + beanFloor + ") through the template"));
                        }
                    }
                }
            }
        }).because("a template is code of the class that renders it: pass it data or a global, do not reach up from it");
    }

    /** What a template and those it includes read: {@code inject:name} and {@code bundle:name}. */
    private static Set<String> uses(Path root, String template, Set<String> seen) {
        Set<String> uses = new LinkedHashSet<>();
        if (!seen.add(template)) {
            return uses;
        }
        Path file = root.resolve(template + ".html");
        if (!Files.exists(file)) {
            return uses;
        }
        String text;
        try {
            // what a comment names is no use
            text = Files.readString(file).replaceAll("(?s)\\{!.*?!}", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher inject = INJECT.matcher(text);
        while (inject.find()) {
            uses.add("inject:" + inject.group(1));
        }
        Matcher namespace = NAMESPACE.matcher(text);
        while (namespace.find()) {
            if (!namespace.group(1).equals("inject")) {
                uses.add("bundle:" + namespace.group(1));
            }
        }
        Matcher include = INCLUDE.matcher(text);
        while (include.find()) {
            uses.addAll(uses(root, include.group(1), seen));
        }
        Matcher tag = SECTION.matcher(text);
        while (tag.find()) {
            uses.addAll(uses(root, "tags/" + tag.group(1), seen));
        }
        return uses;
    }

    private static String packageOf(JavaClass type) {
        String name = type.getPackageName();
        return name.startsWith(ROOT + ".") ? name.substring(ROOT.length() + 1).split("\\.")[0] : name;
    }

    static ArchRule noCycles() {
        return slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();
    }

    static ArchRule jdbcOnlyWhereTheReasonIsWritten() {
        return noClasses().that(DescribedPredicate.not(named(JDBC_ALLOWED, "RateLimits, DatabaseOutages or NativeSql")))
                .should().dependOnClassesThat(DescribedPredicate.describe("JDBC or the connection pool",
                        target -> target.getName().equals("java.sql.Connection") || target.getName().equals("java.sql.PreparedStatement")
                                || target.getName().equals("java.sql.ResultSet") || target.getPackageName().startsWith("javax.sql")
                                || target.getPackageName().startsWith("io.agroal")))
                .because("the portal reaches PostgreSQL through Hibernate and its session's connection");
    }

    /**
     * Each table is written by its owner alone: SQL naming it, Panache writes through its entity, its
     * entity's fields (which Hibernate's dirty checking writes back), or the entity manager's merge.
     */
    static ArchRule everyTableHasOneWriter() {
        return classes().should(new ArchCondition<JavaClass>("write only the tables they own") {
            @Override
            public void check(JavaClass writer, ConditionEvents events) {
                String name = relative(writer);
                if (name.equals(SEED)) {
                    return;
                }
                for (String sql : stringConstants(writer)) {
                    Matcher write = SQL_WRITE.matcher(sql);
                    while (write.find()) {
                        report(events, writer, write.group(1).toLowerCase(), "its SQL writes");
                    }
                }
                for (JavaMethodCall call : writer.getMethodCallsFromSelf()) {
                    String table = ENTITIES.get(relative(call.getTargetOwner()));
                    if (table != null && PANACHE_WRITES.contains(call.getName())) {
                        report(events, writer, table, call.getDescription());
                    }
                }
                for (JavaMethodCall call : writer.getMethodCallsFromSelf()) {
                    // merge, persist or remove of an entity the call does not name: only a table's owner may
                    String owner = call.getTargetOwner().getName();
                    if ((owner.equals("jakarta.persistence.EntityManager") || owner.equals("org.hibernate.Session"))
                            && ENTITY_MANAGER_WRITES.contains(call.getName()) && !OWNERS.containsValue(name)) {
                        events.add(SimpleConditionEvent.violated(writer, writer.getName() + " writes an entity through the"
                                + " entity manager (" + call.getDescription() + "), which only a table's owner may"));
                    }
                }
                for (JavaFieldAccess access : writer.getFieldAccessesFromSelf()) {
                    String entity = relative(access.getTargetOwner());
                    String table = ENTITIES.get(entity);
                    if (table != null && access.getAccessType() == JavaFieldAccess.AccessType.SET && !entity.equals(name)) {
                        report(events, writer, table, access.getDescription());
                    }
                }
            }
        });
    }

    private static void report(ConditionEvents events, JavaClass writer, String table, String how) {
        String owner = OWNERS.get(table);
        boolean allowed = owner != null && owner.equals(relative(writer));
        events.add(new SimpleConditionEvent(writer, allowed, writer.getName() + " writes " + table + " (" + how + "); its writer is "
                + (owner == null ? "not named: add it to Architecture.OWNERS" : owner)));
    }

    private static DescribedPredicate<JavaClass> named(Set<String> relativeNames, String description) {
        return DescribedPredicate.describe(description, javaClass -> relativeNames.contains(relative(javaClass)));
    }

    /** "appointments.Appointment" for health.leap.portal.appointments.Appointment and its nested classes. */
    private static String relative(JavaClass javaClass) {
        JavaClass outer = javaClass;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        String name = outer.getName();
        return name.startsWith(ROOT + ".") ? name.substring(ROOT.length() + 1) : name;
    }

    /** The string constants the class's code loads: its SQL. */
    private static Set<String> stringConstants(JavaClass javaClass) {
        Set<String> strings = new LinkedHashSet<>();
        try (InputStream in = javaClass.getSource().orElseThrow().getUri().toURL().openStream()) {
            new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitLdcInsn(Object value) {
                            if (value instanceof String string) {
                                strings.add(string);
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + javaClass.getName(), e);
        }
        return strings;
    }
}
