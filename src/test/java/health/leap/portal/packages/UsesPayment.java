package health.leap.portal.packages;

import health.leap.portal.gateway.UsesPackages;

/** Breaks a rule on purpose, for ArchitectureRulesTest alone: packages and payment use each other. */
public final class UsesPayment {

    UsesPackages other;
}
