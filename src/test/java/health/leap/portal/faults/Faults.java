package health.leap.portal.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Small shared helpers of the fault suite. */
final class Faults {

    private Faults() {
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** How long the load runs around each fault: short in the README's test command, longer with -Dfaults.long=true. */
    static Duration load(Duration standard, Duration longer) {
        return Boolean.getBoolean("faults.long") ? longer : standard;
    }

    static int scale(int standard, int longer) {
        return Boolean.getBoolean("faults.long") ? longer : standard;
    }

    /** SIGKILL to a process and everything it started, as when its machine dies; returns once it is gone. */
    static void killTree(long pid) {
        ProcessHandle.of(pid).ifPresent(process -> {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        });
    }

    static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
