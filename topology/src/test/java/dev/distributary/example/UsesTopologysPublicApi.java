package dev.distributary.example;

import dev.distributary.topology.Suggestions;
import java.util.List;

/** A class of another module that uses topology's public entry point: what ModuleBoundaries allows. */
public final class UsesTopologysPublicApi {
    private UsesTopologysPublicApi() {}

    public static String hint(String consumer, List<String> consumers) {
        return Suggestions.didYouMean(consumer, consumers);
    }
}
