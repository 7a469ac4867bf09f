package dev.distributary.topology;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.distributary.topology.internal.PlatformReader;
import dev.distributary.topology.internal.Problems;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads {@code platform.yaml} into a {@link Topology}, or throws a {@link TopologyException} that
 * lists every problem of the file, each with its path and what is allowed.
 */
public final class TopologyLoader {

    public static final String DEFAULT_FILE = "platform.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    private TopologyLoader() {}

    /** Loads and validates the file; the file name in messages is the path as given. */
    public static Topology load(Path file) {
        String name = file.toString();
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw single(name, "file not found; pass the platform file with -f, or run where platform.yaml is");
        } catch (MalformedInputException e) {
            throw single(name, "is not UTF-8 text");
        } catch (IOException e) {
            throw single(name, "cannot be read: " + e.getMessage());
        }
        return parse(content, name);
    }

    /** Validates platform YAML held in memory; {@code fileName} is used in messages. */
    public static Topology parse(String content, String fileName) {
        if (content.isBlank()) {
            throw single(fileName, "is empty; a platform file needs at least 'regions' and 'tables' (see examples/)");
        }
        JsonNode root;
        try {
            root = YAML.readTree(content);
        } catch (JsonProcessingException e) {
            throw single(fileName, malformed(e));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw single(
                    fileName,
                    "holds no settings; a platform file needs at least 'regions' and 'tables' (see examples/)");
        }
        Problems problems = new Problems(fileName);
        Topology topology = new PlatformReader(problems).read(root);
        if (!problems.isEmpty()) {
            throw new TopologyException(problems.list());
        }
        return topology;
    }

    /**
     * One line for a YAML syntax error: where the parser gave up and why, and where the construct it
     * was reading began (SnakeYAML's own message spans several lines, with excerpts of the file).
     */
    static String malformed(JsonProcessingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                String problem = String.valueOf(marked.getProblem()).strip().replaceAll("\\s+", " ");
                String context = marked.getContext() == null || marked.getContextMark() == null
                        ? ""
                        : " (" + marked.getContext().strip().replaceAll("\\s+", " ") + " that starts at "
                                + position(marked.getContextMark()) + ")";
                return "malformed YAML at " + position(marked.getProblemMark()) + ": " + problem + context;
            }
        }
        String message = String.valueOf(e.getOriginalMessage())
                .lines()
                .findFirst()
                .orElse("")
                .strip();
        return "malformed YAML" + at(e.getLocation()) + ": " + message;
    }

    private static String position(Mark mark) {
        return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1
                ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static TopologyException single(String file, String message) {
        return new TopologyException(List.of(new Problem(file, "", message)));
    }
}
