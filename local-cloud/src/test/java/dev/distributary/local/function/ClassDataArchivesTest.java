package dev.distributary.local.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which JVMs share, train or go without a class-data archive, and what becomes of a trained one. */
class ClassDataArchivesTest {
    @TempDir
    Path temp;

    @Test
    void launch_noArchiveYet_trainsOneAndOthersStartWithoutMeanwhile() throws IOException {
        ClassDataArchives archives = ClassDataArchives.in(temp.resolve("cache"));
        List<Path> classPath = List.of(jar("function.jar"));

        ClassDataLaunch first = archives.launch(classPath, "");
        ClassDataLaunch second = archives.launch(classPath, "");

        assertThat(first).isInstanceOfSatisfying(ClassDataLaunch.Training.class, training -> {
            assertThat(training.jvmOptions()).containsExactly("-XX:ArchiveClassesAtExit=" + training.partial());
            assertThat(training.archive().getParent()).isEqualTo(temp.resolve("cache"));
            assertThat(training.marker()).exists();
        });
        assertThat(second).isEqualTo(new ClassDataLaunch.Plain("another instance is training the archive"));
    }

    @Test
    void launch_archiveInPlace_startsWithIt() throws IOException {
        ClassDataArchives archives = ClassDataArchives.in(temp);
        List<Path> classPath = List.of(jar("function.jar"));
        Path archive = Files.createFile(
                temp.resolve(ClassDataArchives.fileName(classPath, "-XX:TieredStopAtLevel=1") + ".jsa"));

        ClassDataLaunch launch = archives.launch(classPath, "-XX:TieredStopAtLevel=1");

        assertThat(launch).isEqualTo(new ClassDataLaunch.Shared(archive));
        assertThat(launch.jvmOptions()).containsExactly("-XX:SharedArchiveFile=" + archive);
        assertThat(archives.existing(classPath, "-XX:TieredStopAtLevel=1")).contains(archive);
        assertThat(archives.existing(classPath, ""))
                .as("other options, another archive")
                .isEmpty();
    }

    @Test
    void launch_withTheArchive_marksItUsedNow() throws IOException {
        Instant now = Instant.parse("2031-05-04T10:00:00Z");
        List<Path> classPath = List.of(jar("function.jar"));
        Path archive = Files.createFile(temp.resolve(ClassDataArchives.fileName(classPath, "") + ".jsa"));
        Files.setLastModifiedTime(archive, FileTime.from(Instant.parse("2031-01-01T00:00:00Z")));

        ClassDataArchives.in(temp, Clock.fixed(now, ZoneOffset.UTC)).launch(classPath, "");

        assertThat(Files.getLastModifiedTime(archive).toInstant()).isEqualTo(now);
    }

    @Test
    void launch_training_deletesArchivesUnusedForLong_andKeepsTheOthers() throws IOException {
        Instant now = Instant.parse("2031-05-04T10:00:00Z");
        Path forgotten = Files.createFile(temp.resolve("aaaaaaaaaaaaaaaa-1111111111111111.jsa"));
        Files.setLastModifiedTime(
                forgotten,
                FileTime.from(
                        now.minus(ClassDataArchives.UNUSED_ARCHIVE_LIFETIME).minusSeconds(1)));
        Path recent = Files.createFile(temp.resolve("bbbbbbbbbbbbbbbb-1111111111111111.jsa"));
        Files.setLastModifiedTime(
                recent,
                FileTime.from(
                        now.minus(ClassDataArchives.UNUSED_ARCHIVE_LIFETIME).plusSeconds(1)));

        ClassDataLaunch launch =
                ClassDataArchives.in(temp, Clock.fixed(now, ZoneOffset.UTC)).launch(List.of(jar("function.jar")), "");

        assertThat(launch).isInstanceOf(ClassDataLaunch.Training.class);
        assertThat(forgotten).doesNotExist();
        assertThat(recent).exists();
    }

    @Test
    void launch_directoryOnTheClassPath_startsWithoutArchive() throws IOException {
        Path classes = Files.createDirectories(temp.resolve("classes"));

        ClassDataLaunch launch = ClassDataArchives.in(temp).launch(List.of(jar("function.jar"), classes), "");

        assertThat(launch)
                .isEqualTo(new ClassDataLaunch.Plain("the class path entry " + classes + " is not a jar file"));
        assertThat(launch.jvmOptions()).isEmpty();
    }

    @Test
    void launch_optionsWithTheirOwnSharing_startsWithoutArchive() throws IOException {
        ClassDataLaunch launch = ClassDataArchives.in(temp).launch(List.of(jar("function.jar")), "-Xshare:off");

        assertThat(launch).isEqualTo(new ClassDataLaunch.Plain("JAVA_TOOL_OPTIONS chooses its own class-data sharing"));
    }

    @Test
    void launch_disabled_startsWithoutArchive() throws IOException {
        assertThat(ClassDataArchives.disabled().launch(List.of(jar("function.jar")), ""))
                .isEqualTo(new ClassDataLaunch.Plain("class-data archives are disabled"));
    }

    @Test
    void launch_markerLeftByAHostThatDied_trainsAnyway_andDeletesThatHostsPartialArchive() throws IOException {
        Instant now = Instant.parse("2031-05-04T10:00:00Z");
        ClassDataArchives archives = ClassDataArchives.in(temp, Clock.fixed(now, ZoneOffset.UTC));
        List<Path> classPath = List.of(jar("function.jar"));
        String name = ClassDataArchives.fileName(classPath, "");
        Instant longAgo = now.minus(ClassDataArchives.TRAINING_MARKER_LIFETIME).minusSeconds(1);
        Files.writeString(temp.resolve(name + ".training"), Long.toString(longAgo.toEpochMilli()));
        Path deadHostsPartial = Files.createFile(temp.resolve(name + ".partial-4242.jsa"));

        assertThat(archives.launch(classPath, "")).isInstanceOf(ClassDataLaunch.Training.class);
        assertThat(deadHostsPartial).doesNotExist();
    }

    @Test
    void launch_markerOfALiveHost_startsWithoutArchive() throws IOException {
        Instant now = Instant.parse("2031-05-04T10:00:00Z");
        ClassDataArchives archives = ClassDataArchives.in(temp, Clock.fixed(now, ZoneOffset.UTC));
        List<Path> classPath = List.of(jar("function.jar"));
        Instant recently = now.minus(ClassDataArchives.TRAINING_MARKER_LIFETIME).plusSeconds(1);
        Files.writeString(
                temp.resolve(ClassDataArchives.fileName(classPath, "") + ".training"),
                Long.toString(recently.toEpochMilli()));

        assertThat(archives.launch(classPath, ""))
                .isEqualTo(new ClassDataLaunch.Plain("another instance is training the archive"));
    }

    @Test
    void fileName_jarRebuilt_keepsTheKeyAndChangesTheVersion() throws IOException {
        Path jar = jar("function.jar");
        String before = ClassDataArchives.fileName(List.of(jar), "");

        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
        String after = ClassDataArchives.fileName(List.of(jar), "");

        assertThat(after).matches("[0-9a-f]{16}-[0-9a-f]{16}").isNotEqualTo(before);
        assertThat(after.substring(0, 17)).isEqualTo(before.substring(0, 17));
        assertThat(ClassDataArchives.fileName(List.of(jar), "-Xmx1g").substring(0, 17))
                .as("other options, another key")
                .isNotEqualTo(before.substring(0, 17));
    }

    @Test
    void removeOlderVersions_deletesWhatTheSameKeysOtherVersionsLeft() throws IOException {
        Path current = Files.createFile(temp.resolve("aaaaaaaaaaaaaaaa-1111111111111111.jsa"));
        Path currentTraining = Files.createFile(temp.resolve("aaaaaaaaaaaaaaaa-1111111111111111.partial-12.jsa"));
        Path older = Files.createFile(temp.resolve("aaaaaaaaaaaaaaaa-2222222222222222.jsa"));
        Path olderPartial = Files.createFile(temp.resolve("aaaaaaaaaaaaaaaa-2222222222222222.partial-12.jsa"));
        Path olderMarker = Files.createFile(temp.resolve("aaaaaaaaaaaaaaaa-2222222222222222.training"));
        Path otherKey = Files.createFile(temp.resolve("bbbbbbbbbbbbbbbb-2222222222222222.jsa"));

        ClassDataArchives.removeOlderVersions(current);

        assertThat(current).exists();
        assertThat(currentTraining).as("another host training the same version").exists();
        assertThat(older).doesNotExist();
        assertThat(olderPartial).doesNotExist();
        assertThat(olderMarker).doesNotExist();
        assertThat(otherKey).exists();
    }

    @Test
    void kill_trainingInstance_leavesNoArchiveAndFreesTheMarker() throws Exception {
        List<Path> classPath = List.of(jar("function.jar"));
        ClassDataArchives archives = ClassDataArchives.in(temp);
        ClassDataLaunch.Training training = (ClassDataLaunch.Training) archives.launch(classPath, "");
        Files.writeString(training.partial(), "half written");
        Process running = new ProcessBuilder(javaLauncher().get(0), "-version").start();

        training.kill(running);

        assertThat(running.isAlive()).isFalse();
        assertThat(training.partial()).doesNotExist();
        assertThat(training.marker()).doesNotExist();
        assertThat(archives.launch(classPath, "")).isInstanceOf(ClassDataLaunch.Training.class);
    }

    @Test
    void stop_trainedArchiveThatDoesNotMap_isDiscarded() throws Exception {
        List<Path> classPath = List.of(jar("function.jar"));
        ClassDataLaunch.Training training =
                (ClassDataLaunch.Training) ClassDataArchives.in(temp).launch(classPath, "");
        Files.writeString(training.partial(), "not an archive");
        Process exited = new ProcessBuilder(javaLauncher().get(0), "-version")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        exited.waitFor();

        training.stop(exited, javaLauncher());

        assertThat(training.archive()).doesNotExist();
        assertThat(training.partial()).doesNotExist();
        assertThat(training.marker()).doesNotExist();
    }

    private static List<String> javaLauncher() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:auto");
    }

    private Path jar(String name) throws IOException {
        Path jar = temp.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.finish();
        }
        return jar;
    }
}
