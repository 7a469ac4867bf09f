package dev.distributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link in the repository's Markdown (the READMEs and docs/) names a file that exists:
 * inline links, reference definitions, and repository paths named in prose ({@code docs/x.md}), which
 * resolve from the file's directory or from the repository's root. Links to the web and anchors alone
 * are not checked.
 */
class DocumentationLinksTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern INLINE = Pattern.compile("\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE = Pattern.compile("(?m)^\\s{0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s.*)?$");
    private static final Pattern PROSE_PATH = Pattern.compile("(?<![\\w/.:-])((?:[\\w.-]+/)+[\\w.-]+\\.md)(?![\\w/])");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

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
                [here](docs/present.md#present) and [gone](docs/gone.md), see docs/missing.md and docs/present.md,
                [web](https://example.com/x.md), [anchor](#present)

                [ref]: docs/absent.md
                """);

        assertThat(brokenLinks(repo, readme))
                .containsExactlyInAnyOrder(
                        "README.md: docs/gone.md", "README.md: docs/missing.md", "README.md: docs/absent.md");
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

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
