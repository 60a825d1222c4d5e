package health.leap.portal.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Debian's nginx (installed by {@code .ci/run}) as the load balancer in front of portal instances, on
 * 127.0.0.1 only, with a configuration of this suite's own in a temporary folder: round robin, a dead
 * instance skipped at once for idempotent requests ({@code proxy_next_upstream}), the instance that
 * answered named in {@code X-Upstream}.
 */
final class Nginx implements AutoCloseable {

    private final Process process;
    private final Path folder;

    private Nginx(Process process, Path folder) {
        this.process = process;
        this.folder = folder;
    }

    static Path binary() {
        return List.of(Path.of("/usr/sbin/nginx"), Path.of("/usr/bin/nginx")).stream().filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException("the fault suite needs nginx: apt-get install nginx (.ci/run installs it)"));
    }

    static Nginx balancing(int port, List<Integer> upstreamPorts) {
        try {
            Path folder = Files.createTempDirectory("leaphealth-faults-nginx-");
            // nginx's workers run as an unprivileged user and write their temporary files here
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
            String servers = upstreamPorts.stream()
                    .map(p -> "    server 127.0.0.1:" + p + " max_fails=1 fail_timeout=30s;")
                    .collect(Collectors.joining("\n"));
            Path conf = folder.resolve("nginx.conf");
            Files.writeString(conf, """
                    worker_processes 1;
                    pid %1$s/nginx.pid;
                    error_log %1$s/error.log warn;
                    events { worker_connections 1024; }
                    http {
                      access_log off;
                      # the portal's session cookies hold the signed-in tokens: larger headers than nginx's default
                      large_client_header_buffers 4 32k;
                      proxy_buffer_size 32k;
                      proxy_buffers 8 32k;
                      proxy_busy_buffers_size 64k;
                      client_body_temp_path %1$s/body;
                      proxy_temp_path %1$s/proxy;
                      fastcgi_temp_path %1$s/fastcgi;
                      uwsgi_temp_path %1$s/uwsgi;
                      scgi_temp_path %1$s/scgi;
                      upstream portals {
                    %2$s
                        keepalive 16;
                      }
                      server {
                        listen 127.0.0.1:%3$d;
                        location / {
                          proxy_pass http://portals;
                          proxy_http_version 1.1;
                          proxy_set_header Connection "";
                          proxy_set_header Host $http_host;
                          proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                          proxy_connect_timeout 2s;
                          proxy_read_timeout 30s;
                          proxy_next_upstream error timeout;
                          add_header X-Upstream $upstream_addr always;
                        }
                      }
                    }
                    """.formatted(folder, servers, port));
            Process process = new ProcessBuilder(binary().toString(), "-c", conf.toString(), "-p", folder.toString(),
                    "-g", "daemon off;")
                    .redirectErrorStream(true).redirectOutput(FaultReport.directory().resolve("nginx.log").toFile()).start();
            Nginx nginx = new Nginx(process, folder);
            Runtime.getRuntime().addShutdownHook(new Thread(nginx::close, "nginx-stop"));
            for (int i = 0; i < 50 && !Files.exists(folder.resolve("nginx.pid")); i++) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("nginx stopped at once; see target/faults/nginx.log");
                }
                Faults.pause(java.time.Duration.ofMillis(100));
            }
            return nginx;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.copy(folder.resolve("error.log"), FaultReport.directory().resolve("nginx-error.log"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // nothing was logged
        }
        Faults.deleteRecursively(folder);
    }
}
