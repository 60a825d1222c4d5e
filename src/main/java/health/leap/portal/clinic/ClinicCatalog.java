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
    private final Cache<Long, DoctorsAndCentres> doctorsAndCentres = Caffeine.newBuilder()
            .maximumSize(1_000).expireAfterWrite(CHOICES_KEPT).build();
    private final Cache<Long, List<CentrePhone>> phones = Caffeine.newBuilder()
            .maximumSize(1_000).expireAfterWrite(CHOICES_KEPT).build();

    public ClinicCatalog() {
    }

    /** The clinic's centres with their effective rules, by name. */
    public List<Centre> centres(long tenantId) {
        return centresWhere("c.tenant_id = ? order by c.name, c.id", tenantId);
    }

    /** One centre with its effective rules. */
    public Centre centre(long centreId) {
        return centresWhere("c.id = ?", centreId).stream().findFirst().orElseThrow();
    }

    /**
     * The policy join of the page reads, in SQL: one row per centre with its rules resolved by
     * PostgreSQL, where loading three entities a centre cost the doctors page a sixth of its time.
     */
    private static List<Centre> centresWhere(String where, long id) {
        return NativeSql.list("select c.id, c.name, c.address, c.timezone, c.phone, " + BookingPolicy.EFFECTIVE_COLUMNS
                + " from centre c " + BookingPolicy.EFFECTIVE_JOINS + " where " + where, ClinicCatalog::centre, id);
    }

    /** A centre with the rules it goes by: its overrides (may be null) over its clinic's rules (may be null). */
    public static Centre centre(CentreRow c, TenantPolicy clinic, CentrePolicy overrides) {
        return new Centre(c.id, c.name, c.address, ZoneId.of(c.timezone), BookingPolicy.effective(clinic, overrides), c.phone);
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
        return phones.get(tenantId, id -> CentreRow.getEntityManager().createQuery("""
                select c.name, c.phone from CentreRow c where c.tenantId = ?1 and c.phone is not null order by c.name, c.id""",
                CentrePhone.class).setParameter(1, id).getResultList());
    }

    /** Services and specialties of the tenant for the browsing filters, in one statement at most every {@link #CHOICES_KEPT}. */
    public Choices choices(long tenantId) {
        return choices.get(tenantId, this::loadChoices);
    }

    private Choices loadChoices(long tenantId) {
        record Choice(String kind, Long id, String name) {
        }
        List<Choice> rows = ServiceRow.getEntityManager().createQuery("""
                select 'service', s.id, s.name from ServiceRow s where s.tenantId = ?1
                union all
                select distinct 'specialty', cast(null as Long), d.specialty from Doctor d where d.tenantId = ?1
                order by 1, 3""", Choice.class).setParameter(1, tenantId).getResultList();
        return new Choices(
                rows.stream().filter(c -> c.kind().equals("service")).map(c -> new Named(c.id(), c.name())).toList(),
                rows.stream().filter(c -> c.kind().equals("specialty")).map(Choice::name).toList());
    }

    /**
     * The tenant's doctors and centres, for the history's filters: one statement per tenant at most every
     * {@link #CHOICES_KEPT} on each instance, as the browsing filters; a doctor added shows in the
     * filters at the latest that long after, and a page costs one statement less.
     */
    public DoctorsAndCentres doctorsAndCentres(long tenantId) {
        return doctorsAndCentres.get(tenantId, ClinicCatalog::loadDoctorsAndCentres);
    }

    private static DoctorsAndCentres loadDoctorsAndCentres(long tenantId) {
        record Choice(String kind, long id, String name) {
        }
        List<Choice> rows = Doctor.getEntityManager().createQuery("""
                select 'doctor', d.id, d.name from Doctor d where d.tenantId = ?1
                union all
                select 'centre', c.id, c.name from CentreRow c where c.tenantId = ?1
                order by 1, 3""", Choice.class).setParameter(1, tenantId).getResultList();
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
