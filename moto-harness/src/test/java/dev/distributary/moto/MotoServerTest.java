package dev.distributary.moto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distributary.moto.junit.MotoTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@MotoTest
class MotoServerTest {

    @Test
    void reset_clearsState(MotoServer server, AwsClients aws) {
        aws.sqs("us-east-1").createQueue(b -> b.queueName("doomed"));

        server.reset();

        assertThat(aws.sqs("us-east-1").listQueues().queueUrls()).isEmpty();
    }

    @Test
    void connect_toAPortWithNothingListening_failsWithOneLineNamingTheEndpoint() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + port);

        assertThatThrownBy(() -> MotoServer.connect(nowhere, Duration.ofMillis(300)))
                .isInstanceOf(MotoUnavailableException.class)
                .hasMessageStartingWith("the emulator at " + nowhere + " did not answer")
                .hasMessageNotContaining("\n");
    }

    @Test
    void start_withoutMotoOnThePath_failsWithOneLineNamingTheInstallCommand() {
        assertThatThrownBy(() -> MotoServer.start("moto_server_that_is_not_installed"))
                .isInstanceOf(MotoUnavailableException.class)
                .hasMessage(
                        "moto_server_that_is_not_installed is not on the PATH; install it with: scripts/moto.sh in the repository "
                                + "(it installs moto[server]==5.2.1 into ${XDG_CACHE_HOME:-~/.cache}/distributary/moto-venv, where the tests and "
                                + "./distributary find it), or put moto_server 5.2.1 on the PATH");
    }

    @Test
    void executable_onThePath_isUsedAsItIs(@TempDir Path dir) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        executableFile(bin.resolve("moto_server"));
        executableFile(dir.resolve("cache/distributary/moto-venv/bin/moto_server"));

        assertThat(MotoServer.executable(
                        Map.of(
                                "PATH",
                                "/nowhere:" + bin,
                                "XDG_CACHE_HOME",
                                dir.resolve("cache").toString()),
                        "/home/x"))
                .isEqualTo("moto_server");
    }

    @Test
    void executable_notOnThePath_isThePrivateVirtualEnvironments_underTheCacheDirectory(@TempDir Path dir)
            throws IOException {
        Path installed = executableFile(dir.resolve("cache/distributary/moto-venv/bin/moto_server"));
        Path home = executableFile(dir.resolve("home/.cache/distributary/moto-venv/bin/moto_server"));

        assertThat(MotoServer.executable(
                        Map.of(
                                "PATH",
                                "/nowhere",
                                "XDG_CACHE_HOME",
                                dir.resolve("cache").toString()),
                        "/home/x"))
                .isEqualTo(installed.toString());
        assertThat(MotoServer.executable(
                        Map.of("PATH", "/nowhere", "XDG_CACHE_HOME", ""),
                        dir.resolve("home").toString()))
                .isEqualTo(home.toString());
    }

    @Test
    void executable_installedNowhere_isTheNameSoThatStartingItSaysHowToInstallIt(@TempDir Path dir) {
        assertThat(MotoServer.executable(Map.of("PATH", "/nowhere", "HOME", dir.toString()), "/home/x"))
                .isEqualTo("moto_server");
    }

    private static Path executableFile(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n");
        file.toFile().setExecutable(true);
        return file;
    }

    @Test
    void connectedServer_isNotOwned_soCloseLeavesItRunning(MotoServer server, AwsClients aws) {
        MotoServer second = MotoServer.connect(server.endpoint());
        second.close();

        assertThat(second.isOwned()).isFalse();
        assertThat(aws.sqs("us-east-1").listQueues().queueUrls()).isNotNull();
    }
}
