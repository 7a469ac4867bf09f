package dev.distributary.cost;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One figure of the price table: a price in US dollars per unit, or a named modelling assumption
 * (a latency, a rate), with where it came from and when it was checked.
 *
 * @param name     its key in the table, e.g. {@code dynamodb.write-request-unit}
 * @param value    dollars per unit for a price; the assumption's value in its unit otherwise
 * @param unit     what one unit is
 * @param source   the page (URL) or measurement it came from
 * @param checked  the date it was checked against its source
 * @param verified whether a page published by AWS confirmed it (false: third-party copies or the project's own notes)
 * @param note     anything else a reader must know; empty when nothing
 */
public record Price(
        String name, double value, String unit, String source, LocalDate checked, boolean verified, String note) {
    public Price {
        requireText(name, "name", "?");
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(name + ": the value must be a finite number >= 0, not " + value);
        }
        requireText(unit, "unit", name);
        requireText(source, "source", name);
        Objects.requireNonNull(checked, name + ": checked");
        note = note == null ? "" : note;
    }

    private static void requireText(String text, String field, String name) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(name + ": '" + field + "' is missing or blank");
        }
    }
}
