package dev.distributary.change;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a record was read: the stream's ARN, and the region and table it names. The region is
 * taken from the ARN, never from the record's {@code awsRegion} (which some emulators get wrong).
 *
 * @param streamArn the event source ARN, {@code arn:aws:dynamodb:REGION:ACCOUNT:table/NAME/stream/LABEL}
 * @param region    the region of the stream (of the replica that was read)
 * @param table     the table's name
 */
public record StreamSource(String streamArn, String region, String table) {
    private static final Pattern STREAM_ARN =
            Pattern.compile("arn:aws[a-z-]*:dynamodb:([a-z0-9-]+):[0-9]*:table/([^/]+)/stream/.+");

    public StreamSource {
        Objects.requireNonNull(streamArn, "streamArn");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(table, "table");
    }

    /** Reads region and table from a stream ARN; {@link IllegalArgumentException} when it is not one. */
    public static StreamSource fromArn(String streamArn) {
        Matcher matcher = STREAM_ARN.matcher(streamArn == null ? "" : streamArn);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a DynamoDB stream ARN: '" + streamArn + "'");
        }
        return new StreamSource(streamArn, matcher.group(1), matcher.group(2));
    }

    /** The table's ARN (the stream ARN without its stream part). */
    public String tableArn() {
        return streamArn.substring(0, streamArn.indexOf("/stream/"));
    }
}
