package health.leap.portal.packages;

import health.leap.portal.web.Problem;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The package list's filter: the effective statuses to show; none chosen shows them all. */
public record PackageFilter(Set<PackageStatus> statuses) {

    public static PackageFilter parse(List<String> statuses) {
        Set<PackageStatus> chosen = EnumSet.noneOf(PackageStatus.class);
        for (String status : statuses) {
            if (status == null || status.isBlank()) {
                continue;
            }
            try {
                chosen.add(PackageStatus.valueOf(status.trim()));
            } catch (IllegalArgumentException e) {
                String value = shorten(status);
                String choices = EnumSet.allOf(PackageStatus.class).stream().map(Enum::name).collect(Collectors.joining(", "));
                throw Problem.badRequest(PackageMessages.class, m -> m.notAStatus(value, choices));
            }
        }
        return new PackageFilter(chosen);
    }

    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    public boolean shows(PackageStatus status) {
        return statuses.contains(status);
    }
}
