package health.leap.portal.security;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The routes the application declares, read from its compiled JAX-RS resources: every resource
 * method's HTTP method and full path ({@code "POST /appointments/{id}/cancel"}), with the parameters
 * it reads ({@code "path:id"}, {@code "query:status"}, {@code "form:reason"}). Tests that must cover
 * every route take their list from here, so a new route or parameter cannot escape them.
 */
final class ApplicationRoutes {

    private ApplicationRoutes() {
    }

    /** Every route of the application. */
    static Set<String> routes() throws IOException {
        return withParameters().keySet();
    }

    /** Every route with the parameters its method reads. */
    static Map<String, Set<String>> withParameters() throws IOException {
        Map<String, Set<String>> routes = new TreeMap<>();
        java.nio.file.Path classes = java.nio.file.Path.of("target", "classes");
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
                } catch (ClassNotFoundException | NoClassDefFoundError e) {
                    continue;
                }
                Path base = type.getAnnotation(Path.class);
                if (base == null) {
                    continue;
                }
                for (Method m : type.getDeclaredMethods()) {
                    String http = httpMethod(m);
                    if (http == null) {
                        continue;
                    }
                    Path sub = m.getAnnotation(Path.class);
                    Set<String> parameters = new TreeSet<>();
                    for (Parameter p : m.getParameters()) {
                        String declared = parameter(p);
                        if (declared != null) {
                            parameters.add(declared);
                        }
                    }
                    routes.put(http + " " + join(base.value(), sub == null ? "" : sub.value()), parameters);
                }
            }
        }
        return routes;
    }

    private static String parameter(Parameter p) {
        for (Annotation a : p.getAnnotations()) {
            if (a instanceof PathParam path) {
                return "path:" + path.value();
            } else if (a instanceof QueryParam query) {
                return "query:" + query.value();
            } else if (a instanceof FormParam form) {
                return "form:" + form.value();
            } else if (a instanceof RestPath path) {
                return "path:" + (path.value().isEmpty() ? p.getName() : path.value());
            } else if (a instanceof RestQuery query) {
                return "query:" + (query.value().isEmpty() ? p.getName() : query.value());
            } else if (a instanceof RestForm form) {
                return "form:" + (form.value().isEmpty() ? p.getName() : form.value());
            }
        }
        return null;
    }

    private static String httpMethod(Method m) {
        for (var annotation : m.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
