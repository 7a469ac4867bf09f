package dev.distributary.moto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distributary.moto.junit.MotoTest;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

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
                .hasMessage("moto_server_that_is_not_installed is not on the PATH; install it with: pip install \"moto[server]==5.2.1\"");
    }

    @Test
    void connectedServer_isNotOwned_soCloseLeavesItRunning(MotoServer server, AwsClients aws) {
        MotoServer second = MotoServer.connect(server.endpoint());
        second.close();

        assertThat(second.isOwned()).isFalse();
        assertThat(aws.sqs("us-east-1").listQueues().queueUrls()).isNotNull();
    }
}
