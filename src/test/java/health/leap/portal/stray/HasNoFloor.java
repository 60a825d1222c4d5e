package health.leap.portal.stray;

/** Breaks a rule on purpose, for ArchitectureRulesTest alone: a package with no floor. */
public final class HasNoFloor {
}
