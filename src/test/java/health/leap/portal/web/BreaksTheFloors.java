package health.leap.portal.web;

import health.leap.portal.booking.HoldService;

/** Breaks a rule on purpose, for ArchitectureRulesTest alone: web, on floor 1, uses booking, on floor 6. */
final class BreaksTheFloors {

    Object holds(HoldService holds) {
        return holds;
    }
}
