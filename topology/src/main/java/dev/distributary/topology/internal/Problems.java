package dev.distributary.topology.internal;

import dev.distributary.topology.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one file, so that a run reports all of them, not just the first; a
 * problem found twice (the same path and message) is reported once.
 */
public final class Problems {
    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    public Problems(String file) {
        this.file = file;
    }

    public void add(String path, String message) {
        Problem problem = new Problem(file, path, message);
        if (!problems.contains(problem)) {
            problems.add(problem);
        }
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public int count() {
        return problems.size();
    }

    public List<Problem> list() {
        return List.copyOf(problems);
    }
}
