package org.backprop.workbench.against;

/** How one quantity of a values file compares with the workbench's. */
public enum Status {
    MATCHES("matches"),
    DIFFERS("differs"),
    NOT_GIVEN("not given");

    private final String id;

    Status(String id) {
        this.id = id;
    }

    /** The word in reports and JSON: "matches", "differs", "not given". */
    public String id() { return id; }
}
