package health.leap.portal.appointments;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Uid;
import health.leap.portal.web.Language;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** An appointment as an iCalendar file, in its centre's timezone (with the VTIMEZONE a calendar needs). */
@ApplicationScoped
public class CalendarExport {

    /** Bookings that are going ahead, or went ahead; a hold or a cancelled visit is no calendar entry. */
    static final Set<AppointmentStatus> EXPORTABLE = EnumSet.of(AppointmentStatus.CONFIRMED, AppointmentStatus.CHECKED_IN,
            AppointmentStatus.COMPLETED);

    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

    /** The booking's calendar file, its title and description in {@code locale}. */
    public String ics(AppointmentDetail appointment, Locale locale) {
        return ics(appointment.id(), appointment.startsAt(), appointment.endsAt(), appointment.zone(), appointment.serviceName(),
                appointment.doctorName(), appointment.centreName(), appointment.centreAddress(), locale);
    }

    /** The visit as a calendar file, its title and description in {@code locale} (the reader's language). */
    public String ics(long id, Instant startsAt, Instant endsAt, ZoneId zone, String serviceName, String doctorName,
                      String centreName, String centreAddress, Locale locale) {
        AppointmentMessages m = Language.bundle(AppointmentMessages.class, locale);
        VEvent event = new VEvent(startsAt.atZone(zone), endsAt.atZone(zone), m.calendarSummary(serviceName, doctorName));
        event.add(new Uid("appointment-" + id + "@leaphealth-portal"));
        event.add(new Location(centreName + ", " + centreAddress));
        event.add(new Description(m.calendarDescription(id, centreName)));
        Calendar calendar = new Calendar()
                .withProdId("-//Leaphealth//Patient portal//EN")
                .withDefaults()
                .withComponent(zones.getTimeZone(zone.getId()).getVTimeZone())
                .withComponent(event)
                .getFluentTarget();
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
