package dev.distributary.local.chaos;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * DynamoDB's JSON protocol spoken directly, without the SDK, which would refuse to send some of
 * the malformed items a proving run needs (a BOOL that is a string, an attribute with an empty
 * name). Emulators store what real DynamoDB would reject; that is exactly how a malformed record
 * reaches a stream here.
 */
final class RawDynamoDb {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RawDynamoDb() {}

    /** Sends a PutItem request body as is; fails with the emulator's answer when it is refused. */
    static void putItem(URI endpoint, String region, ObjectNode request) {
        HttpRequest http = HttpRequest.newBuilder(endpoint.resolve("/"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810.PutItem")
                .header(
                        "Authorization",
                        "AWS4-HMAC-SHA256 Credential=testing/20260101/" + region + "/dynamodb/aws4_request, "
                                + "SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString()))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(http, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "the emulator refused the PutItem (HTTP " + response.statusCode() + "): " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the emulator at " + endpoint + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to the emulator", e);
        }
    }
}
