package dev.distributary.infra;

import dev.distributary.topology.ResidencyViolation;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The platform would put data where its class is not permitted, so nothing is declared. Each
 * violation names the table, the data class and the region, and says what to change.
 */
public final class ResidencyRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<ResidencyViolation> violations;

    public ResidencyRefusedException(String platformFile, List<ResidencyViolation> violations) {
        super(message(platformFile, violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a refusal needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public List<ResidencyViolation> violations() {
        return violations;
    }

    /** One line per violation: {@code FILE: PATH: table 'T', class 'C', region R: MESSAGE}. */
    public List<String> lines(String platformFile) {
        return violations.stream().map(v -> line(platformFile, v)).toList();
    }

    private static String message(String platformFile, List<ResidencyViolation> violations) {
        return "refusing to deploy: the platform would break its residency policy; nothing was declared"
                + System.lineSeparator()
                + violations.stream()
                        .map(v -> line(platformFile, v))
                        .collect(Collectors.joining(System.lineSeparator()));
    }

    private static String line(String platformFile, ResidencyViolation v) {
        return platformFile + ": " + v.path() + ": table '" + v.table() + "', class '" + v.dataClass() + "', region "
                + v.region() + ": " + v.message();
    }
}
