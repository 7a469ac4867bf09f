package dev.distributary.fanout;

import java.net.URI;

/** An envelope of a schema major version this library cannot read (see {@link EnvelopeSchema}). */
public final class UnsupportedSchemaException extends InvalidEnvelopeException {
    private static final long serialVersionUID = 1L;

    private final String dataSchema;

    public UnsupportedSchemaException(URI dataSchema) {
        super("dataschema '" + dataSchema + "' is not supported: this consumer reads every minor version of majors "
                + EnvelopeSchema.OLDEST_READABLE_MAJOR + " to " + EnvelopeSchema.MAJOR + " (it writes "
                + EnvelopeSchema.ID
                + "); upgrade the consumer library");
        this.dataSchema = String.valueOf(dataSchema);
    }

    public String dataSchema() {
        return dataSchema;
    }
}
