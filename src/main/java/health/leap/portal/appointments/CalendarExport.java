package health.leap.portal.appointments;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Uid;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Set;

/** An appointment as an iCalendar file, in its centre's timezone (with the VTIMEZONE a calendar needs). */
@ApplicationScoped
public class CalendarExport {

    /** Bookings that are going ahead, or went ahead; a hold or a cancelled visit is no calendar entry. */
    static final Set<AppointmentStatus> EXPORTABLE = EnumSet.of(AppointmentStatus.CONFIRMED, AppointmentStatus.CHECKED_IN,
            AppointmentStatus.COMPLETED);

    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

    public String ics(AppointmentDetail appointment) {
        VEvent event = new VEvent(appointment.startsAt().atZone(appointment.zone()), appointment.endsAt().atZone(appointment.zone()),
                appointment.serviceName() + " with " + appointment.doctorName());
        event.add(new Uid("appointment-" + appointment.id() + "@leaphealth-portal"));
        event.add(new Location(appointment.centreName() + ", " + appointment.centreAddress()));
        event.add(new Description("Booking #" + appointment.id() + " at " + appointment.centreName() + "."));
        Calendar calendar = new Calendar()
                .withProdId("-//Leaphealth//Patient portal//EN")
                .withDefaults()
                .withComponent(zones.getTimeZone(appointment.zone().getId()).getVTimeZone())
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
