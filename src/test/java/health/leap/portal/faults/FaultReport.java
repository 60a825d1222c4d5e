package health.leap.portal.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one fault case (requests failed, seconds to recover, bookings lost), printed and
 * appended to {@code target/faults/report.md}, so a run leaves one table to read.
 */
final class FaultReport {

    private final String fault;
    private final Map<String, Object> figures = new LinkedHashMap<>();

    FaultReport(String fault) {
        this.fault = fault;
    }

    static Path directory() {
        try {
            return Files.createDirectories(Path.of("target", "faults"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    FaultReport put(String figure, Object value) {
        figures.put(figure, value);
        return this;
    }

    /** Writes the figures with the verdict the test reached. */
    void write(boolean passed) {
        StringBuilder line = new StringBuilder("| ").append(fault).append(" | ").append(passed ? "PASS" : "FAIL").append(" | ");
        figures.forEach((k, v) -> line.append(k).append(": ").append(v).append("; "));
        line.append("| ").append(Instant.now()).append(" |\n");
        System.out.print("[fault suite] " + line);
        append(line.toString());
    }

    /** Two cases run side by side (their lanes, PlatformTest): one line at a time, one heading. */
    private static synchronized void append(String line) {
        Path report = directory().resolve("report.md");
        try {
            if (!Files.exists(report)) {
                Files.writeString(report, "| fault | verdict | figures | at |\n|---|---|---|---|\n");
            }
            Files.writeString(report, line, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
