package dev.distributary.topology.internal;

import dev.distributary.topology.Problem;
import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one file, so that a run reports all of them, not just the first. */
public final class Problems {
    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    public Problems(String file) {
        this.file = file;
    }

    public void add(String path, String message) {
        problems.add(new Problem(file, path, message));
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
