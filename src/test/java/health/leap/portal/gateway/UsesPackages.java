package health.leap.portal.gateway;

import health.leap.portal.packages.UsesPayment;

/** Breaks a rule on purpose, for ArchitectureRulesTest alone: payment and packages use each other. */
public final class UsesPackages {

    UsesPayment other;
}
