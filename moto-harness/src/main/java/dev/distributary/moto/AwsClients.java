package dev.distributary.moto;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * AWS SDK v2 clients for one endpoint (an emulator), per region, with dummy credentials (or given ones). Clients
 * are built once per service and region and share one HTTP client; {@link #close()} closes them all.
 */
public final class AwsClients implements AutoCloseable {
    private static final StaticCredentialsProvider DUMMY =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));

    private final URI endpoint;
    private final StaticCredentialsProvider credentials;
    private final SdkHttpClient http = UrlConnectionHttpClient.create();
    private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();

    public AwsClients(URI endpoint) {
        this(endpoint, DUMMY);
    }

    /** Clients that sign with these credentials (a local function's, say, which the endpoint may judge). */
    public AwsClients(URI endpoint, String accessKeyId, String secretAccessKey) {
        this(endpoint, StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)));
    }

    private AwsClients(URI endpoint, StaticCredentialsProvider credentials) {
        this.endpoint = endpoint;
        this.credentials = credentials;
    }

    public URI endpoint() {
        return endpoint;
    }

    public DynamoDbClient dynamoDb(String region) {
        return cached(
                "dynamodb",
                region,
                r -> configure(DynamoDbClient.builder(), r).httpClient(http).build());
    }

    public DynamoDbStreamsClient streams(String region) {
        return cached(
                "streams",
                region,
                r -> configure(DynamoDbStreamsClient.builder(), r)
                        .httpClient(http)
                        .build());
    }

    public SnsClient sns(String region) {
        return cached(
                "sns",
                region,
                r -> configure(SnsClient.builder(), r).httpClient(http).build());
    }

    public SqsClient sqs(String region) {
        return cached(
                "sqs",
                region,
                r -> configure(SqsClient.builder(), r).httpClient(http).build());
    }

    public CloudWatchClient cloudWatch(String region) {
        return cached(
                "cloudwatch",
                region,
                r -> configure(CloudWatchClient.builder(), r).httpClient(http).build());
    }

    /**
     * Points any client builder at this endpoint and region, with these clients' credentials; for clients
     * that need their own settings (interceptors, say). The caller owns the client it builds.
     */
    public <B extends AwsClientBuilder<B, C>, C> B configure(B builder, String region) {
        return builder.endpointOverride(endpoint).region(Region.of(region)).credentialsProvider(credentials);
    }

    /** The shared HTTP client, for clients built with {@link #configure}. */
    public SdkHttpClient httpClient() {
        return http;
    }

    @SuppressWarnings("unchecked")
    private <C extends SdkClient> C cached(String service, String region, Function<String, C> build) {
        return (C) clients.computeIfAbsent(service + "/" + region, key -> build.apply(region));
    }

    @Override
    public void close() {
        clients.values().forEach(SdkClient::close);
        clients.clear();
        http.close();
    }
}
