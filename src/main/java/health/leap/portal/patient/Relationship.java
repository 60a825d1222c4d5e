package health.leap.portal.patient;

/** What a dependant is to the guardian who may act for them; a child's link ends at 18 unless the clinic extends it. */
public enum Relationship {
    CHILD, PARENT, PARTNER, OTHER
}
