package health.leap.portal.staff;

import health.leap.portal.appointments.Appointment;
import health.leap.portal.appointments.AppointmentStatus;
import health.leap.portal.platform.NativeSql;
import io.quarkus.hibernate.orm.panache.Panache;

/**
 * Break a rule on purpose, for ArchitectureRulesTest alone: the appointment table has one writer,
 * and each of these writes it from the staff package, in one of the four ways there are.
 */
final class WritesAppointments {

    private WritesAppointments() {
    }

    static final class BySql {

        int cancel(long id) {
            return NativeSql.update("update appointment set status = 'CANCELLED' where id = ?", id);
        }
    }

    static final class ThroughPanache {

        void save(Appointment appointment) {
            appointment.persist();
        }
    }

    static final class ThroughItsFields {

        void cancel(Appointment appointment) {
            appointment.status = AppointmentStatus.CANCELLED;
        }
    }

    static final class ThroughTheEntityManager {

        Appointment save(Appointment appointment) {
            return Panache.getEntityManager().merge(appointment);
        }
    }
}
