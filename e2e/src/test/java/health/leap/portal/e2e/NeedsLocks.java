package health.leap.portal.e2e;

import health.leap.portal.platform.PlatformLanes;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;

import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The journeys run side by side (failsafe's JUnit settings in pom.xml), and two of them never at once
 * when they share a person or a doctor: each takes a lock on every patient, person booked for,
 * patient looked at, staff login and doctor its {@link Needs} names. A patient's bookings, the free
 * times a journey counts on and the desk's day list are then only changed by the journey that
 * reads them, as when the journeys ran one after the other. A journey class also holds every platform
 * lane for reading ({@link PlatformLanes}), so that no platform test runs beside it.
 */
final class NeedsLocks implements ResourceLocksProvider {

    @Override
    public Set<Lock> provideForClass(Class<?> testClass) {
        Set<Lock> locks = locks(testClass.getAnnotation(Needs.class));
        locks.addAll(PlatformLanes.heldByAJourney());
        return locks;
    }

    @Override
    public Set<Lock> provideForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass, Method testMethod) {
        return locks(testMethod.getAnnotation(Needs.class));
    }

    /** The lock names: "patient:amelia", "doctor:Dr Rachel Green". */
    static Set<Lock> locks(Needs needs) {
        Set<Lock> locks = new LinkedHashSet<>();
        if (needs == null) {
            return locks;
        }
        // a patient looked at holds the same lock as one who books: what one journey books, another would see
        for (String patient : needs.patients()) {
            locks.add(new Lock("patient:" + patient));
        }
        for (String patient : needs.observes()) {
            locks.add(new Lock("patient:" + patient));
        }
        for (String dependant : needs.dependants()) {
            locks.add(new Lock("dependant:" + dependant));
        }
        for (String staff : needs.staff()) {
            locks.add(new Lock("staff:" + staff));
        }
        for (String doctor : needs.doctors()) {
            locks.add(new Lock("doctor:" + doctor));
        }
        return locks;
    }
}
