package dev.distributary.replication.writer.internal;

/** The table name of a request's {@code TableName}, which may also be a table ARN. */
public final class TableNames {
    private TableNames() {}

    public static String of(String tableNameOrArn) {
        if (tableNameOrArn == null) {
            return "";
        }
        int table = tableNameOrArn.startsWith("arn:") ? tableNameOrArn.indexOf(":table/") : -1;
        if (table < 0) {
            return tableNameOrArn;
        }
        String name = tableNameOrArn.substring(table + ":table/".length());
        int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(0, slash);
    }
}
