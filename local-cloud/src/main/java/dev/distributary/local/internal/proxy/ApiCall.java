package dev.distributary.local.internal.proxy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which AWS API a request calls, read from the request as the SDK sends it: the service from the
 * SigV4 credential scope, the operation from {@code X-Amz-Target} (JSON protocols), the
 * {@code Action} form field (query protocol, SNS) or an RPC path.
 *
 * @param service   the signing name: dynamodb, sns, sqs, monitoring, ...
 * @param region    the region the request is signed for
 * @param operation PutItem, PublishBatch, ReceiveMessage, ...
 */
public record ApiCall(String service, String region, String operation) {
    private static final Pattern SCOPE = Pattern.compile("Credential=[^/]+/\\d{8}/([^/]+)/([^/]+)/aws4_request");
    private static final Pattern ACCESS_KEY = Pattern.compile("Credential=([^/]+)/");
    private static final Pattern RPC_PATH = Pattern.compile(".*/operation/([A-Za-z]+)$");

    /** Dynamo Streams signs as "dynamodb"; its target prefix tells it apart. */
    static ApiCall of(String authorization, String target, String path, String contentType, byte[] body) {
        String service = "unknown";
        String region = "unknown";
        Matcher scope = SCOPE.matcher(authorization == null ? "" : authorization);
        if (scope.find()) {
            region = scope.group(1);
            service = scope.group(2);
        }
        String operation = "unknown";
        if (target != null && target.contains(".")) {
            operation = target.substring(target.lastIndexOf('.') + 1);
            if (target.startsWith("DynamoDBStreams")) {
                service = "dynamodbstreams";
            }
        } else if (path != null && RPC_PATH.matcher(path).matches()) {
            Matcher rpc = RPC_PATH.matcher(path);
            rpc.matches();
            operation = rpc.group(1);
        } else if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            operation = formField(new String(body, StandardCharsets.UTF_8), "Action")
                    .orElse("unknown");
        }
        return new ApiCall(service, region, operation);
    }

    /** The access key ID a SigV4 {@code Authorization} header names; null when there is none. */
    static String accessKeyId(String authorization) {
        Matcher key = ACCESS_KEY.matcher(authorization == null ? "" : authorization);
        return key.find() ? key.group(1) : null;
    }

    private static Optional<String> formField(String form, String name) {
        for (String pair : form.split("&", -1)) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return Optional.of(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }
}
