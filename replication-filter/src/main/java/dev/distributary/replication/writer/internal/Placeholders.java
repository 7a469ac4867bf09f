package dev.distributary.replication.writer.internal;

/** The expression placeholders the writer adds; an update that already uses them was stamped by the writer itself. */
public final class Placeholders {
    public static final String ORIGIN_NAME = "#dst_origin";
    public static final String ORIGIN_VALUE = ":dst_origin";
    public static final String WRITE_TIME_NAME = "#dst_writtenAt";
    public static final String WRITE_TIME_VALUE = ":dst_writtenAt";
    public static final String DELETED_NAME = "#dst_deleted";
    public static final String TRUE_VALUE = ":dst_true";
    public static final String TTL_NAME = "#dst_expiresAt";
    public static final String TTL_VALUE = ":dst_expiresAt";
    public static final String KEY_NAME = "#dst_key";

    public static final String STAMP_ASSIGNMENTS =
            ORIGIN_NAME + " = " + ORIGIN_VALUE + ", " + WRITE_TIME_NAME + " = " + WRITE_TIME_VALUE;

    private Placeholders() {}
}
