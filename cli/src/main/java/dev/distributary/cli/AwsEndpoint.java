package dev.distributary.cli;

import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * The {@code --endpoint URL} option of the commands that talk to AWS, and the clients it gives.
 * Without an endpoint: AWS itself, with the default credential chain. With one (an emulator):
 * credentials from the environment, system properties or profile when there are any, otherwise
 * dummy ones, which emulators accept.
 */
public final class AwsEndpoint {
    @Option(
            names = "--endpoint",
            paramLabel = "URL",
            defaultValue = "${env:AWS_ENDPOINT_URL}",
            description =
                    "AWS endpoint to use, for an emulator such as moto (default: the AWS_ENDPOINT_URL environment variable; "
                            + "without it, AWS itself with the default credential chain).")
    String endpoint;

    /** The endpoint, when one was given; a malformed URL is a user error. */
    public Optional<URI> uri() {
        if (endpoint == null || endpoint.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(endpoint.strip());
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return Optional.of(uri);
        } catch (IllegalArgumentException e) {
            throw new UserException(
                    "--endpoint '" + endpoint + "' is not an http(s) URL such as http://127.0.0.1:5000");
        }
    }

    /** "in us-east-1 at http://127.0.0.1:5000", or "in us-east-1" for AWS itself: for messages. */
    public String where(String region) {
        return "in " + region + uri().map(u -> " at " + u).orElse("");
    }

    public SqsClient sqs(String region) {
        SqsClientBuilder builder =
                SqsClient.builder().region(Region.of(region)).httpClient(UrlConnectionHttpClient.create());
        uri().ifPresent(uri -> builder.endpointOverride(uri).credentialsProvider(emulatorCredentials()));
        return builder.build();
    }

    private static AwsCredentialsProvider emulatorCredentials() {
        return AwsCredentialsProviderChain.of(
                EnvironmentVariableCredentialsProvider.create(),
                SystemPropertyCredentialsProvider.create(),
                ProfileCredentialsProvider.create(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("distributary", "local")));
    }
}
