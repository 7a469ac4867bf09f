package dev.distributary.fanout;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version of the envelope, carried in its CloudEvents {@code dataschema} attribute and in
 * the {@code $id} of {@code docs/event-envelope.schema.json}. Minor versions only add optional
 * fields, so a consumer accepts every minor version of its major; a new major is a breaking
 * change that an older {@link ChangeEvent#parse} refuses with {@link UnsupportedSchemaException}.
 *
 * <p>2.0 (the current version) added op {@code expire} (a TTL expiry, until then published as
 * {@code remove}) and made {@code originregion} optional: it is left out where the origin is
 * unknown, which only a replicated expiry is. A 1.x envelope reads as a 2.x one would (it always
 * names its origin and never says {@code expire}), so this library reads majors 1 and 2: upgrade
 * consumers before processors.
 */
public final class EnvelopeSchema {
    public static final int MAJOR = 2;
    public static final int MINOR = 0;
    /** The oldest major this library still reads. */
    public static final int OLDEST_READABLE_MAJOR = 1;
    /** The {@code dataschema} of the envelopes this version writes. */
    public static final URI ID =
            URI.create("https://distributary.dev/schemas/event-envelope/" + MAJOR + "." + MINOR + ".json");
    /** The CloudEvents {@code datacontenttype} of the data. */
    public static final String DATA_CONTENT_TYPE = "application/json";
    /** The prefix of every CloudEvents {@code type}: {@code dev.distributary.TABLE[.ENTITY].OP}. */
    public static final String TYPE_PREFIX = "dev.distributary.";

    private static final Pattern VERSIONED =
            Pattern.compile("https://distributary\\.dev/schemas/event-envelope/(\\d{1,4})\\.(\\d{1,4})\\.json");

    private EnvelopeSchema() {}

    /** The major version a {@code dataschema} names, or empty when it is not a Distributary envelope schema. */
    @SuppressWarnings("InvalidParam") // {@code dataschema} names the CloudEvents attribute, not the parameter
    public static Optional<Integer> majorOf(URI dataSchema) {
        if (dataSchema == null) {
            return Optional.empty();
        }
        Matcher matcher = VERSIONED.matcher(dataSchema.toString());
        return matcher.matches() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

    /** Whether envelopes of that schema can be read by this version: majors {@value #OLDEST_READABLE_MAJOR} to {@value #MAJOR}. */
    public static boolean isSupported(URI dataSchema) {
        return majorOf(dataSchema)
                .filter(major -> major >= OLDEST_READABLE_MAJOR && major <= MAJOR)
                .isPresent();
    }
}
