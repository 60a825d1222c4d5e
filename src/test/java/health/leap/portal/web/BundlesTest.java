package health.leap.portal.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No English escapes the message bundles: a template's words (text and the attributes a person reads
 * or hears) are all bundle messages, every key exists in every language, and a refusal can only be
 * built from a bundle message. Runs in the README's test command like every other test.
 */
class BundlesTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Path MESSAGES = Path.of("src/main/resources/messages");
    static final Path SOURCES = Path.of("src/main/java/health/leap/portal");
    /** The languages besides English; adding one here asks for its files. */
    static final List<String> LANGUAGES = List.of("en", "es");
    /** Words that are the same in every language: the product's name. */
    static final Set<String> NAMES = Set.of("Leaphealth");

    private static final Pattern COMMENT = Pattern.compile("\\{!.*?!}", Pattern.DOTALL);
    private static final Pattern EXPRESSION = Pattern.compile("\\{[^{}]*}");
    private static final Pattern SCRIPT_OR_STYLE = Pattern.compile("<(script|style)\\b.*?</\\1>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<[^>]*>", Pattern.DOTALL);
    private static final Pattern READ_ATTRIBUTE = Pattern.compile(
            "\\b(aria-label|aria-description|aria-placeholder|aria-roledescription|title|placeholder|alt)\\s*=\\s*(\"[^\"]*\"|'[^']*')",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");

    @Test
    void templatesHoldNoWordsOutsideTheBundles() throws IOException {
        List<String> escaped = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                for (String words : wordsOutsideBundles(source, file.toString().endsWith(".html"))) {
                    escaped.add(TEMPLATES.relativize(file) + ": \"" + words + "\"");
                }
            }
        }
        assertTrue(escaped.isEmpty(), "Words written in templates instead of a message bundle:\n" + String.join("\n", escaped));
    }

    /** What a reader would see or hear that is not a Qute expression: text between tags, and read attributes. */
    static List<String> wordsOutsideBundles(String source, boolean html) {
        String text = COMMENT.matcher(source).replaceAll(" ");
        text = SCRIPT_OR_STYLE.matcher(text).replaceAll(" ");
        List<String> found = new ArrayList<>();
        if (html) {
            Matcher tag = TAG.matcher(text);
            while (tag.find()) {
                Matcher attribute = READ_ATTRIBUTE.matcher(tag.group());
                while (attribute.find()) {
                    String value = attribute.group(2);
                    addWords(found, withoutExpressions(value.substring(1, value.length() - 1)));
                }
            }
            // the tags go after their attributes are read; an expression may hold a '>' (a comparison)
            text = withoutExpressions(text);
            text = TAG.matcher(text).replaceAll(" ");
        } else {
            text = withoutExpressions(text);
        }
        addWords(found, text);
        return found;
    }

    private static String withoutExpressions(String text) {
        String before;
        do {
            before = text;
            text = EXPRESSION.matcher(text).replaceAll(" ");
        } while (!text.equals(before));
        return text;
    }

    private static void addWords(List<String> found, String text) {
        Matcher word = WORD.matcher(text.replace("&nbsp;", " ").replace("&amp;", " "));
        while (word.find()) {
            if (!NAMES.contains(word.group())) {
                found.add(word.group());
            }
        }
    }

    @Test
    void theCheckSeesWordsInTextAndInReadAttributes() {
        assertEquals(List.of("Hold", "Book"), wordsOutsideBundles(
                "<button aria-label=\"Hold {slot.time}\" data-x=\"{a > b}\">{page:x}</button> Book {#if a}{/if}", true));
        assertEquals(List.of(), wordsOutsideBundles(
                "{! a comment in English !}<p class=\"note\" data-error-code=\"SLOT_TAKEN\">{booking:slotTaken} · {n}</p>", true));
        assertEquals(List.of("Dear"), wordsOutsideBundles("Dear {name},\n{mail:body}", false));
    }

    @Test
    void everyKeyIsInEveryLanguage() throws IOException {
        Set<String> bundles = new TreeSet<>();
        try (Stream<Path> files = Files.list(MESSAGES)) {
            files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".properties"))
                    .forEach(n -> bundles.add(n.substring(0, n.lastIndexOf('_'))));
        }
        assertFalse(bundles.isEmpty(), "no bundles under " + MESSAGES);
        List<String> differences = new ArrayList<>();
        for (String bundle : bundles) {
            Set<String> english = keys(MESSAGES.resolve(bundle + "_en.properties"));
            for (String language : LANGUAGES) {
                Path file = MESSAGES.resolve(bundle + "_" + language + ".properties");
                if (!Files.exists(file)) {
                    differences.add(file.getFileName() + " is missing");
                    continue;
                }
                Set<String> keys = keys(file);
                for (String key : english) {
                    if (!keys.contains(key)) {
                        differences.add(file.getFileName() + " lacks " + key);
                    }
                }
                for (String key : keys) {
                    if (!english.contains(key)) {
                        differences.add(file.getFileName() + " has " + key + ", which English does not");
                    }
                }
            }
        }
        assertTrue(differences.isEmpty(), String.join("\n", differences));
    }

    /**
     * A sentence filled per row ({@link Sentences}) names its values %1$s, %2$s …: the page gives them in
     * that order whatever the language, so each language must have exactly the placeholders English has.
     */
    @Test
    void aFilledSentenceHasTheSamePlaceholdersInEveryLanguage() throws IOException {
        List<String> differences = new ArrayList<>();
        try (Stream<Path> files = Files.list(MESSAGES)) {
            for (Path english : files.filter(f -> f.getFileName().toString().endsWith("_en.properties")).sorted().toList()) {
                Properties en = load(english);
                for (String language : LANGUAGES) {
                    Properties other = load(english.resolveSibling(english.getFileName().toString().replace("_en.", "_" + language + ".")));
                    en.forEach((key, words) -> {
                        Object translated = other.get(key);
                        if (translated != null && !placeholders(words.toString()).equals(placeholders(translated.toString()))) {
                            differences.add(language + " " + key + ": " + placeholders(translated.toString()) + " where English has "
                                    + placeholders(words.toString()));
                        }
                    });
                }
            }
        }
        assertTrue(differences.isEmpty(), String.join("\n", differences));
    }

    @Test
    void aFilledSentenceTakesItsValuesInTheOrderItsLanguageWritesThem() {
        assertEquals("Hold 09:30 on Tue 3 Mar", Sentences.join("Hold %1$s on %2$s", "09:30", "Tue 3 Mar"));
        assertEquals("Reservar las 09:30 del mar 3 mar", Sentences.join("Reservar las %1$s del %2$s", "09:30", "mar 3 mar"));
        assertEquals("Physio with Dr Raman at Riverside", Sentences.join("%1$s with %2$s at %3$s", "Physio", "Dr Raman", "Riverside"));
        assertEquals("at Riverside, then Physio", Sentences.join("at %2$s, then %1$s", "Physio", "Riverside"));
        // a percent sign that is not a placeholder is a word like any other
        assertEquals("100% of 20 €", Sentences.join("100% of %1$s", "20 €"));
        assertEquals("until ", Sentences.join("until %1$s", (Object) null));
    }

    private static Set<String> placeholders(String words) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("%(\\d{1,2})\\$s").matcher(words);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    @Test
    void noMessageIsLeftEmpty() throws IOException {
        List<String> empty = new ArrayList<>();
        try (Stream<Path> files = Files.list(MESSAGES)) {
            for (Path file : files.sorted().toList()) {
                Properties p = load(file);
                p.forEach((k, v) -> {
                    if (v.toString().isBlank()) {
                        empty.add(file.getFileName() + ": " + k);
                    }
                });
            }
        }
        assertTrue(empty.isEmpty(), "Empty messages:\n" + String.join("\n", empty));
    }

    @Test
    void aRefusalCanOnlyBeWordedByABundle() {
        for (Constructor<?> constructor : Problem.class.getConstructors()) {
            for (Class<?> parameter : constructor.getParameterTypes()) {
                assertFalse(parameter == String.class, "Problem takes a String: " + constructor);
            }
        }
    }

    /**
     * Java sentences a person reads are bundle messages too. A string literal of three words or more
     * that reads like a sentence is allowed only in log lines, SQL, exceptions for programming errors,
     * and the operator-facing startup checks.
     */
    @Test
    void javaWritesNoSentencesForPeople() throws IOException {
        Pattern literal = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
        Pattern sentence = Pattern.compile("^[A-Z][a-z]+(?: [a-zA-Z',;:.#()-]+){2,}");
        Set<String> operatorFacing = Set.of("platform", "demo");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                if (operatorFacing.contains(SOURCES.relativize(file).getName(0).toString())) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                boolean inTextBlock = false;
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).trim();
                    if (line.contains("\"\"\"")) {
                        if (line.split("\"\"\"", -1).length % 2 == 0) {
                            inTextBlock = !inTextBlock;
                        }
                        continue;
                    }
                    if (inTextBlock || line.startsWith("//") || line.startsWith("*") || line.startsWith("/*")
                            || line.matches(".*\\b(LOG|log|LOGGER)\\.(trace|debug|info|warn|error|infof|warnf|errorf|debugf)\\b.*")
                            || line.contains("Exception(\"") || line.contains("@ConfigProperty") || line.contains("@WithDefault")) {
                        continue;
                    }
                    Matcher m = literal.matcher(line);
                    while (m.find()) {
                        String value = m.group(1);
                        if (sentence.matcher(value).find() && !value.matches("(?i)^(select|insert|update|delete|with|where|and|or|on|order|from|set|returning|values|join|left|group)\\b.*")) {
                            found.add(SOURCES.relativize(file) + ":" + (i + 1) + ": \"" + value + "\"");
                        }
                    }
                }
            }
        }
        assertTrue(found.isEmpty(), "Sentences in Java instead of a message bundle:\n" + String.join("\n", found));
    }

    private static Set<String> keys(Path file) throws IOException {
        Set<String> keys = new TreeSet<>();
        load(file).keySet().forEach(k -> keys.add(k.toString()));
        return keys;
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }
}
