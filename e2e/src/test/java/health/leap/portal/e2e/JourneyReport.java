package health.leap.portal.e2e;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The page people look at after a run, {@code target/e2e-report/index.html}: every journey of the
 * run (of both runs, when the test command runs them twice) with its verdict, how long it took and
 * what it needs; the photographs of its pages at phone and desktop width, in the order it saw them;
 * and for a failure the Playwright trace, the page's HTML and a screenshot of each visitor. Plain
 * HTML whose links are relative to the page, so the target directory can be opened where it lies or
 * kept as a build artifact.
 */
final class JourneyReport {

    enum Verdict { PASSED, FAILED, SKIPPED }

    /** One journey's outcome, and where its photographs and its evidence of a failure are. */
    record Journey(String name, Verdict verdict, Duration took, String reason, String needs, Path screenshots,
                   Path evidence) {
    }

    /** The journeys of one run, in the order they ran. */
    record Run(String title, List<Journey> journeys) {
    }

    private static final String PAGE = "index.html";
    private static final List<Journey> THIS_RUN = new CopyOnWriteArrayList<>();
    private static final AtomicBoolean BEGUN = new AtomicBoolean();

    private JourneyReport() {
    }

    static Path directory() {
        return Stack.buildDirectory().resolve("e2e-report");
    }

    /**
     * Once a JVM: the run's photographs and evidence are its own, and the first (or only) run starts the
     * report afresh, while the second adds itself to the first's.
     */
    static void begin(Pass pass) {
        if (!BEGUN.compareAndSet(false, true)) {
            return;
        }
        pass.clearOutput();
        if (pass != Pass.SECOND) {
            Stack.deleteRecursively(directory());
        }
    }

    static void record(Journey journey) {
        THIS_RUN.add(journey);
    }

    /** Keeps this run's verdicts beside the page, for a second run to include, and writes the page. */
    static void finish(Pass pass) {
        save(directory().resolve(pass.value + ".properties"), new Run(pass.title, List.copyOf(THIS_RUN)));
        List<Run> runs = new ArrayList<>();
        for (Pass each : Pass.values()) {
            Path saved = directory().resolve(each.value + ".properties");
            if (Files.exists(saved)) {
                runs.add(load(saved));
            }
        }
        write(directory(), runs);
    }

    /** Writes {@code index.html} into {@code directory}; returns its path. */
    static Path write(Path directory, List<Run> runs) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>Browser journeys</title>
                <style>
                body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #1a1a1a; }
                table { border-collapse: collapse; } td, th { padding: .2rem .8rem; text-align: left; border-bottom: 1px solid #ddd; }
                .PASSED { color: #176b2c; } .FAILED { color: #a4161a; font-weight: bold; } .SKIPPED { color: #7a5b00; }
                pre { white-space: pre-wrap; background: #f6f6f6; padding: .5rem; max-height: 20rem; overflow: auto; }
                ol.pages { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 1rem; }
                figure { margin: 0; } img { border: 1px solid #ccc; vertical-align: top; }
                </style>
                </head>
                <body>
                <h1>Browser journeys</h1>
                """);
        for (int r = 0; r < runs.size(); r++) {
            run(html, "run-" + (r + 1), runs.get(r), directory);
        }
        html.append("</body>\n</html>\n");
        Path page = directory.resolve(PAGE);
        try {
            Files.createDirectories(directory);
            Files.writeString(page, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the journeys' report", e);
        }
        return page;
    }

    private static void run(StringBuilder html, String id, Run run, Path directory) {
        Map<Verdict, Integer> counts = new TreeMap<>();
        run.journeys().forEach(journey -> counts.merge(journey.verdict(), 1, Integer::sum));
        Duration took = run.journeys().stream().map(Journey::took).reduce(Duration.ZERO, Duration::plus);
        html.append("<section aria-labelledby=\"").append(id).append("\">\n<h2 id=\"").append(id).append("\">")
                .append(Html.escape(run.title())).append("</h2>\n<p>")
                .append(counts.getOrDefault(Verdict.PASSED, 0)).append(" passed, ")
                .append(counts.getOrDefault(Verdict.FAILED, 0)).append(" failed, ")
                .append(counts.getOrDefault(Verdict.SKIPPED, 0)).append(" skipped, in ").append(words(took))
                .append(".</p>\n<table>\n<thead><tr><th>Journey</th><th>Verdict</th><th>Took</th></tr></thead>\n<tbody>\n");
        for (int j = 0; j < run.journeys().size(); j++) {
            Journey journey = run.journeys().get(j);
            html.append("<tr><td><a href=\"#").append(id).append('-').append(j + 1).append("\">")
                    .append(Html.escape(journey.name())).append("</a></td><td class=\"").append(journey.verdict()).append("\">")
                    .append(journey.verdict().name().toLowerCase(Locale.ROOT)).append("</td><td>").append(words(journey.took()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        for (int j = 0; j < run.journeys().size(); j++) {
            journey(html, id + "-" + (j + 1), run.journeys().get(j), directory);
        }
        html.append("</section>\n");
    }

    private static void journey(StringBuilder html, String id, Journey journey, Path directory) {
        html.append("<article id=\"").append(id).append("\">\n<h3>").append(Html.escape(journey.name()))
                .append(" <span class=\"").append(journey.verdict()).append("\">").append(journey.verdict().name().toLowerCase(Locale.ROOT))
                .append("</span>, ").append(words(journey.took())).append("</h3>\n");
        if (!journey.needs().isBlank()) {
            html.append("<p>Needs: ").append(Html.escape(journey.needs())).append("</p>\n");
        }
        if (!journey.reason().isBlank()) {
            html.append("<pre>").append(Html.escape(journey.reason())).append("</pre>\n");
        }
        if (journey.verdict() == Verdict.FAILED) {
            evidence(html, files(journey.evidence()), directory);
        }
        List<Photograph> photographs = files(journey.screenshots()).stream()
                .flatMap(file -> Photograph.of(file).stream())
                .sorted(Comparator.comparingInt(Photograph::place).thenComparing(Photograph::width, Comparator.reverseOrder()))
                .toList();
        if (!photographs.isEmpty()) {
            html.append("<h4>Pages</h4>\n<ol class=\"pages\">\n");
            String shown = null;
            for (Photograph photograph : photographs) {
                if (!photograph.caption().equals(shown)) {
                    html.append(shown == null ? "" : "<figcaption>" + Html.escape(shown) + "</figcaption></figure></li>\n")
                            .append("<li><figure>");
                    shown = photograph.caption();
                }
                String address = href(directory, photograph.file());
                html.append("<a href=\"").append(address).append("\"><img src=\"").append(address).append("\" height=\"")
                        .append(photograph.width().equals("phone") ? 240 : 160).append("\" alt=\"")
                        .append(Html.escape(photograph.caption() + " at " + photograph.width() + " width"))
                        .append("\" loading=\"lazy\"></a> ");
            }
            html.append("<figcaption>").append(Html.escape(shown)).append("</figcaption></figure></li>\n</ol>\n");
        }
        html.append("</article>\n");
    }

    private static void evidence(StringBuilder html, List<Path> evidence, Path directory) {
        html.append("<h4>Evidence</h4>\n");
        if (evidence.isEmpty()) {
            html.append("<p>None was kept: the journey failed before anyone opened a page.</p>\n");
            return;
        }
        html.append("<ul>\n");
        for (Path file : evidence) {
            html.append("<li><a href=\"").append(href(directory, file)).append("\">").append(Html.escape(file.getFileName().toString()))
                    .append("</a>: ").append(whatItIs(file)).append("</li>\n");
        }
        html.append("</ul>\n");
    }

    /** A page of the story as {@link Visitor} photographs it: "03-oliver-find-a-doctor-phone.jpg". */
    private record Photograph(int place, String caption, String width, Path file) {

        private static final Pattern NAME = Pattern.compile("(\\d+)-(.+)-(phone|desktop)\\.jpg");

        static Optional<Photograph> of(Path file) {
            Matcher name = NAME.matcher(file.getFileName().toString());
            if (!name.matches()) {
                return Optional.empty();
            }
            // "100-" comes after "99-": the place is a number, not text
            return Optional.of(new Photograph(Integer.parseInt(name.group(1)),
                    name.group(1) + " · " + name.group(2).replace('-', ' '), name.group(3), file));
        }
    }

    private static String whatItIs(Path evidence) {
        String name = evidence.getFileName().toString();
        if (name.endsWith("-trace.zip")) {
            return "Playwright trace of that visitor, every step with its page: open it at https://trace.playwright.dev"
                    + " or with <code>npx playwright show-trace</code>";
        }
        if (name.endsWith(".html")) {
            return "the page's HTML when the journey failed";
        }
        return name.endsWith(".png") ? "the page when the journey failed" : "kept by the journey";
    }

    private static List<Path> files(Path directory) {
        if (directory == null || !Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + directory, e);
        }
    }

    /** The file's address from the report's page, relative, escaped for an attribute. */
    private static String href(Path directory, Path file) {
        Path relative = directory.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        String path = String.join("/", Stream.iterate(0, i -> i < relative.getNameCount(), i -> i + 1)
                .map(i -> relative.getName(i).toString()).toList());
        try {
            return Html.escape(new URI(null, null, path, null).getRawPath());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("No address for " + file, e);
        }
    }

    private static String words(Duration took) {
        long seconds = took.toSeconds();
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0);
        }
        return seconds / 60 + " min " + seconds % 60 + " s";
    }

    static void save(Path file, Run run) {
        Properties saved = new Properties();
        saved.setProperty("title", run.title());
        saved.setProperty("journeys", String.valueOf(run.journeys().size()));
        for (int j = 0; j < run.journeys().size(); j++) {
            Journey journey = run.journeys().get(j);
            String key = j + ".";
            saved.setProperty(key + "name", journey.name());
            saved.setProperty(key + "verdict", journey.verdict().name());
            saved.setProperty(key + "millis", String.valueOf(journey.took().toMillis()));
            saved.setProperty(key + "reason", journey.reason());
            saved.setProperty(key + "needs", journey.needs());
            saved.setProperty(key + "screenshots", journey.screenshots().toAbsolutePath().toString());
            saved.setProperty(key + "evidence", journey.evidence().toAbsolutePath().toString());
        }
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                saved.store(out, "The verdicts of one run of the journeys, for the report");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the run's verdicts in " + file, e);
        }
    }

    static Run load(Path file) {
        Properties saved = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            saved.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the run's verdicts in " + file, e);
        }
        List<Journey> journeys = new ArrayList<>();
        int count = Integer.parseInt(saved.getProperty("journeys", "0"));
        for (int j = 0; j < count; j++) {
            String key = j + ".";
            journeys.add(new Journey(saved.getProperty(key + "name"), Verdict.valueOf(saved.getProperty(key + "verdict")),
                    Duration.ofMillis(Long.parseLong(saved.getProperty(key + "millis"))), saved.getProperty(key + "reason"),
                    saved.getProperty(key + "needs"), Path.of(saved.getProperty(key + "screenshots")),
                    Path.of(saved.getProperty(key + "evidence"))));
        }
        return new Run(saved.getProperty("title"), journeys);
    }
}
