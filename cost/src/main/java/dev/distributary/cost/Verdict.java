package dev.distributary.cost;

/** How Distributary's cost per million events compares with the naive design's. */
public sealed interface Verdict {
    /** The target: at least this much cheaper than the naive design. */
    double TARGET_SAVING_PERCENT = 25;

    /** The saving in percent of the naive cost: positive for a saving, negative for an extra cost. */
    double savingPercent();

    static Verdict of(double distributary, double naive) {
        if (naive <= 0) {
            throw new IllegalArgumentException("the naive design's cost must be > 0 to compare with it");
        }
        double percent = (naive - distributary) / naive * 100;
        return percent >= 0 ? new Saving(percent) : new ExtraCost(-percent);
    }

    /** Distributary costs {@code percent} % less than the naive design. */
    record Saving(double percent) implements Verdict {
        public Saving {
            if (percent < 0) {
                throw new IllegalArgumentException("a saving is >= 0 %");
            }
        }

        @Override
        public double savingPercent() {
            return percent;
        }

        public boolean meetsTarget() {
            return percent >= TARGET_SAVING_PERCENT;
        }
    }

    /** Distributary costs {@code percent} % more than the naive design. */
    record ExtraCost(double percent) implements Verdict {
        public ExtraCost {
            if (percent <= 0) {
                throw new IllegalArgumentException("an extra cost is > 0 %");
            }
        }

        @Override
        public double savingPercent() {
            return -percent;
        }
    }
}
