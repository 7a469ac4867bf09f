package dev.distributary.cost;

/** A price table that cannot be read or lacks what the model needs; the message names the table and the entry. */
public class PriceTableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PriceTableException(String message) {
        super(message);
    }

    public PriceTableException(String message, Throwable cause) {
        super(message, cause);
    }
}
