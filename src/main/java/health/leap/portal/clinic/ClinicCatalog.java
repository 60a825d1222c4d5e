package health.leap.portal.clinic;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import health.leap.portal.platform.NativeSql;
import health.leap.portal.platform.Row;
import health.leap.portal.web.CentrePhone;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** The caller's clinic: its centres (with their rules), services and specialties. */
@ApplicationScoped
public class ClinicCatalog {

    /**
     * How long a tenant's filter choices are kept: a new service or specialty shows in the filters
     * at the latest this long after it was added, and the doctors page costs one statement less.
     */
    static final Duration CHOICES_KEPT = Duration.ofSeconds(30);
    private final Cache<Long, Choices> choices = Caffeine.newBuilder()
            .maximumSize(1_000).expireAfterWrite(CHOICES_KEPT).build();
    private final Cache<Long, List<CentrePhone>> phones = Caffeine.newBuilder()
            .maximumSize(1_000).expireAfterWrite(CHOICES_KEPT).build();

    public ClinicCatalog() {
    }

    public List<Centre> centres(long tenantId) {
        return NativeSql.list("select c.id, c.name, c.address, c.timezone, c.phone, " + BookingPolicy.EFFECTIVE_COLUMNS
                + " from centre c " + BookingPolicy.EFFECTIVE_JOINS
                + " where c.tenant_id = ? order by c.name, c.id", ClinicCatalog::centre, tenantId);
    }

    /** One centre with its effective rules. */
    public Centre centre(long centreId) {
        return NativeSql.one("select c.id, c.name, c.address, c.timezone, c.phone, " + BookingPolicy.EFFECTIVE_COLUMNS
                + " from centre c " + BookingPolicy.EFFECTIVE_JOINS + " where c.id = ?", ClinicCatalog::centre, centreId)
                .orElseThrow();
    }

    /** A centre from a row that selects {@code c.id, c.name, c.address, c.timezone, c.phone} and the effective policy. */
    public static Centre centre(Row rs) {
        return new Centre(rs.getLong("id"), rs.getString("name"), rs.getString("address"),
                ZoneId.of(rs.getString("timezone")), BookingPolicy.from(rs), rs.getString("phone"));
    }

    /**
     * The tenant's centres that gave a phone number, by name, for the help line that ends every page:
     * one statement per tenant at most every {@link #CHOICES_KEPT}, so a page costs none. A number
     * changed shows at the latest that long after.
     */
    /** The phones read in the last {@link #CHOICES_KEPT}, without reading: for a thread that must not wait on the database. */
    public List<CentrePhone> phonesIfRead(long tenantId) {
        List<CentrePhone> known = phones.getIfPresent(tenantId);
        return known != null ? known : List.of();
    }

    public List<CentrePhone> phones(long tenantId) {
        return phones.get(tenantId, id -> NativeSql.list("""
                select name, phone from centre where tenant_id = ? and phone is not null order by name, id""",
                rs -> new CentrePhone(rs.getString("name"), rs.getString("phone")), id));
    }

    /** Services and specialties of the tenant for the browsing filters, in one statement at most every {@link #CHOICES_KEPT}. */
    public Choices choices(long tenantId) {
        return choices.get(tenantId, this::loadChoices);
    }

    private Choices loadChoices(long tenantId) {
        record Choice(String kind, Long id, String name) {
        }
        List<Choice> rows = NativeSql.list("""
                select 'service' as kind, id, name from service where tenant_id = ?
                union all
                select distinct 'specialty', null::bigint, specialty from doctor where tenant_id = ?
                order by 1, 3""", rs -> new Choice(rs.getString("kind"), rs.nullableLong("id"), rs.getString("name")),
                tenantId, tenantId);
        return new Choices(
                rows.stream().filter(c -> c.kind().equals("service")).map(c -> new Named(c.id(), c.name())).toList(),
                rows.stream().filter(c -> c.kind().equals("specialty")).map(Choice::name).toList());
    }

    /** The tenant's doctors and centres, for the history's filters, in one statement. */
    public DoctorsAndCentres doctorsAndCentres(long tenantId) {
        record Choice(String kind, long id, String name) {
        }
        List<Choice> rows = NativeSql.list("""
                select 'doctor' as kind, id, name from doctor where tenant_id = ?
                union all
                select 'centre', id, name from centre where tenant_id = ?
                order by 1, 3""", rs -> new Choice(rs.getString("kind"), rs.getLong("id"), rs.getString("name")),
                tenantId, tenantId);
        return new DoctorsAndCentres(
                rows.stream().filter(c -> c.kind().equals("doctor")).map(c -> new Named(c.id(), c.name())).toList(),
                rows.stream().filter(c -> c.kind().equals("centre")).map(c -> new Named(c.id(), c.name())).toList());
    }

    public record Named(long id, String name) {
    }

    public record DoctorsAndCentres(List<Named> doctors, List<Named> centres) {
    }

    public record Choices(List<Named> services, List<String> specialties) {
    }
}
