package health.leap.portal.web;

import io.quarkus.qute.TemplateData;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One choice of a filter's select, marked when it is the chosen one. Built once per page so that the
 * template's loop over the choices looks up nothing outside itself (each such look-up costs the
 * template engine a search per choice, and a clinic has hundreds of doctors).
 */
@TemplateData
public record Option(String value, String label, boolean selected) {

    public static <T> List<Option> of(List<T> items, Function<T, Object> value, Function<T, String> label,
                                      Object chosen) {
        return items.stream().map(item -> {
            Object v = value.apply(item);
            return new Option(String.valueOf(v), label.apply(item), chosen != null && Objects.equals(v, chosen));
        }).toList();
    }
}
