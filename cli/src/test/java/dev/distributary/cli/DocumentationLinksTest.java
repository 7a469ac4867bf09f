package dev.distributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link in the repository's Markdown (the READMEs and docs/) names a file that exists:
 * inline links, reference definitions, and repository paths named in prose ({@code docs/x.md}), which
 * resolve from the file's directory or from the repository's root. A link's anchor into Markdown
 * ({@code docs/x.md#a-heading}, or {@code #a-heading} within the file) names a heading there, by the
 * anchor GitHub gives it, or an HTML anchor. Links to the web are not checked.
 */
class DocumentationLinksTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern INLINE = Pattern.compile("\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE = Pattern.compile("(?m)^\\s{0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s.*)?$");
    private static final Pattern PROSE_PATH = Pattern.compile("(?<![\\w/.:-])((?:[\\w.-]+/)+[\\w.-]+\\.md)(?![\\w/])");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)(?:\\s+#+)?\\s*$");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:id|name)=\"([^\"]+)\"");
    private static final Pattern LINK_IN_HEADING = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");

    @Test
    void everyRelativeLinkInTheReadmesAndDocs_namesAFileThatExists() throws IOException {
        List<Path> files = markdownFiles(REPO);

        assertThat(files)
                .as("the Markdown files found")
                .contains(REPO.resolve("README.md"), REPO.resolve("docs/architecture.md"));
        assertThat(files.stream().flatMap(file -> brokenLinks(REPO, file).stream()))
                .as("links to files that do not exist (file: link)")
                .isEmpty();
    }

    @Test
    void linkToAMissingFile_isReported_andLinksThatResolveAreNot(@TempDir Path repo) throws IOException {
        Files.createDirectories(repo.resolve("docs"));
        Files.writeString(repo.resolve("docs/present.md"), "# present\n");
        Path readme = repo.resolve("README.md");
        Files.writeString(readme, """
                # Where `the time` goes: CPU (local run)

                [here](docs/present.md#present) and [gone](docs/gone.md), see docs/missing.md and docs/present.md,
                [web](https://example.com/x.md#anything), [anchor](#where-the-time-goes-cpu-local-run),
                [no heading](docs/present.md#absent), [not here](#present)

                [ref]: docs/absent.md
                """);

        assertThat(brokenLinks(repo, readme))
                .containsExactlyInAnyOrder(
                        "README.md: docs/gone.md",
                        "README.md: docs/missing.md",
                        "README.md: docs/absent.md",
                        "README.md: docs/present.md#absent (no such heading)",
                        "README.md: #present (no such heading)");
    }

    @Test
    void headingsAndHtmlAnchors_giveTheAnchorsGitHubGivesThem() {
        String markdown = """
                # Distributary
                ## What limits the local run: CPU
                ### `topology` and [the rules](rules.md)
                ## Distributary
                ```sh
                # not a heading
                ```
                <a id="kept-by-hand"></a>
                """;

        assertThat(anchors(markdown))
                .containsExactlyInAnyOrder(
                        "distributary",
                        "what-limits-the-local-run-cpu",
                        "topology-and-the-rules",
                        "distributary-1",
                        "kept-by-hand");
    }

    private static List<Path> markdownFiles(Path repo) throws IOException {
        try (Stream<Path> walk = Files.walk(repo)) {
            return walk.filter(path -> path.toString().endsWith(".md"))
                    .filter(path -> !isSkipped(repo.relativize(path)))
                    .sorted()
                    .toList();
        }
    }

    /** Build output, hidden folders (tooling, VCS) and anything that is not the project's own text. */
    private static boolean isSkipped(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.equals("target") || name.equals("node_modules") || name.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> brokenLinks(Path repo, Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = repo.relativize(file).toString();
        List<String> broken = new ArrayList<>();
        for (Pattern pattern : List.of(INLINE, REFERENCE)) {
            for (String link : matches(pattern, text)) {
                if (!resolves(file.getParent(), link)) {
                    broken.add(name + ": " + link);
                } else if (!anchorResolves(file, text, link)) {
                    broken.add(name + ": " + link + " (no such heading)");
                }
            }
        }
        for (String path : matches(PROSE_PATH, text)) {
            if (!resolves(file.getParent(), path) && !resolves(repo, path)) {
                broken.add(name + ": " + path);
            }
        }
        return broken.stream().distinct().toList();
    }

    /** Links to the web and anchors alone resolve; a file link resolves when its file exists. */
    private static boolean resolves(Path directory, String link) {
        String target = URLDecoder.decode(link.replaceFirst("[#?].*$", ""), StandardCharsets.UTF_8);
        return target.isEmpty() || SCHEME.matcher(link).find() || Files.exists(directory.resolve(target));
    }

    /** A link without an anchor, to the web or to a file that is not Markdown resolves; otherwise its anchor must be there. */
    private static boolean anchorResolves(Path file, String text, String link) {
        int hash = link.indexOf('#');
        if (hash < 0 || SCHEME.matcher(link).find()) {
            return true;
        }
        String target = URLDecoder.decode(link.substring(0, hash), StandardCharsets.UTF_8);
        String anchor = URLDecoder.decode(link.substring(hash + 1), StandardCharsets.UTF_8);
        if (target.isEmpty()) {
            return anchors(text).contains(anchor);
        }
        if (!target.endsWith(".md")) {
            return true;
        }
        try {
            return anchors(Files.readString(file.getParent().resolve(target))).contains(anchor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The anchors GitHub gives a Markdown file's headings — the heading's text (a link's text, no
     * backticks) in lower case, without punctuation, spaces as hyphens, {@code -1}, {@code -2} after a
     * repeated one — and its HTML anchors; headings inside fenced code are not headings.
     */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (!fenced && heading.matches()) {
                String slug = LINK_IN_HEADING
                        .matcher(heading.group(1))
                        .replaceAll("$1")
                        .replace("`", "")
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N}\\p{M}\\p{Pc} -]", "")
                        .replace(' ', '-');
                int repeats = seen.merge(slug, 1, Integer::sum) - 1;
                anchors.add(repeats == 0 ? slug : slug + "-" + repeats);
            }
            anchors.addAll(matches(HTML_ANCHOR, line));
        }
        return anchors;
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
