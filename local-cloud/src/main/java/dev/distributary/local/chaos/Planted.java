package dev.distributary.local.chaos;

/**
 * A record a scenario wrote outside its workload, and what must become of it.
 *
 * @param description         what is wrong with it (or special about it)
 * @param table               its table
 * @param region              where it was written
 * @param subject             its key as envelopes name it
 * @param expectedQuarantines how many processors must quarantine it
 * @param reasonPrefix        how each quarantine reason must start
 * @param expectedDeliveries  deliveries it must make instead (an item too large for SNS is published keys-only), each truncated
 */
record Planted(
        String description,
        String table,
        String region,
        String subject,
        int expectedQuarantines,
        String reasonPrefix,
        int expectedDeliveries) {

    public static Planted quarantined(
            String description, String table, String region, String subject, int count, String reasonPrefix) {
        return new Planted(description, table, region, subject, count, reasonPrefix, 0);
    }

    public static Planted truncated(String description, String table, String region, String subject, int deliveries) {
        return new Planted(description, table, region, subject, 0, "", deliveries);
    }
}
