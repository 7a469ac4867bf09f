package dev.distributary.local.chaos;

/** One hard assertion of a scenario and what the run saw of it. */
record Check(String name, boolean passed, String detail) {

    public static Check of(String name, boolean passed, String detail) {
        return new Check(name, passed, detail);
    }
}
