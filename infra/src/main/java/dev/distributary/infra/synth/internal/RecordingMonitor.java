package dev.distributary.infra.synth.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.Log;
import com.pulumi.core.internal.Constants;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import dev.distributary.infra.synth.SynthResource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

/**
 * The mock engine's monitor, recording each registration request as the program sends it: its
 * type, name, parent and provider, and its inputs with the secret and asset markers still on
 * them (the public {@code Mocks} interface sees inputs only after secrets are unwrapped).
 */
public final class RecordingMonitor extends MockMonitor {
    public static final String SECRET = "[secret]";
    public static final String UNKNOWN = "(known after apply)";
    private static final String STACK_TYPE = "pulumi:pulumi:Stack";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final List<SynthResource> recorded = Collections.synchronizedList(new ArrayList<>());

    public RecordingMonitor(Mocks mocks, Log log) {
        super(mocks, log);
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(
            Resource resource, RegisterResourceRequest request) {
        if (!STACK_TYPE.equals(request.getType())) {
            recorded.add(new SynthResource(
                    request.getType(),
                    request.getName(),
                    parentName(request.getParent()),
                    nameInReference(request.getProvider()),
                    object(request.getObject())));
        }
        return super.registerResourceAsync(resource, request);
    }

    public List<SynthResource> recorded() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    private static Optional<String> parentName(String urn) {
        if (urn == null || urn.isEmpty() || urn.contains("::" + STACK_TYPE + "::")) {
            return Optional.empty();
        }
        return Optional.of(urn.substring(urn.lastIndexOf("::") + 2));
    }

    /** A provider reference is {@code URN::ID}; its logical name is the URN's last part. */
    private static Optional<String> nameInReference(String reference) {
        if (reference == null || reference.isEmpty()) {
            return Optional.empty();
        }
        String urn = reference.substring(0, reference.lastIndexOf("::"));
        return parentName(urn);
    }

    private static ObjectNode object(Struct struct) {
        ObjectNode node = NODES.objectNode();
        new TreeMap<>(struct.getFieldsMap()).forEach((key, value) -> node.set(key, json(value)));
        return node;
    }

    private static JsonNode json(Value value) {
        switch (value.getKindCase()) {
            case BOOL_VALUE -> {
                return NODES.booleanNode(value.getBoolValue());
            }
            case NUMBER_VALUE -> {
                double number = value.getNumberValue();
                return number == Math.rint(number) && Math.abs(number) < 1e15
                        ? NODES.numberNode((long) number)
                        : NODES.numberNode(number);
            }
            case STRING_VALUE -> {
                return Constants.UnknownValue.equals(value.getStringValue())
                        ? NODES.textNode(UNKNOWN)
                        : NODES.textNode(value.getStringValue());
            }
            case LIST_VALUE -> {
                ArrayNode array = NODES.arrayNode();
                value.getListValue().getValuesList().forEach(v -> array.add(json(v)));
                return array;
            }
            case STRUCT_VALUE -> {
                return special(value.getStructValue().getFieldsMap()).orElseGet(() -> object(value.getStructValue()));
            }
            default -> {
                return NODES.nullNode();
            }
        }
    }

    /** Secrets, assets and archives travel as objects with a signature key. */
    private static Optional<JsonNode> special(Map<String, Value> fields) {
        Value signature = fields.get(Constants.SpecialSigKey);
        if (signature == null) {
            return Optional.empty();
        }
        String sig = signature.getStringValue();
        if (Constants.SpecialSecretSig.equals(sig)) {
            return Optional.of(NODES.textNode(SECRET));
        }
        if (Constants.SpecialArchiveSig.equals(sig) || Constants.SpecialAssetSig.equals(sig)) {
            ObjectNode asset = NODES.objectNode();
            String kind = Constants.SpecialArchiveSig.equals(sig) ? "archive" : "asset";
            for (String key : List.of("path", "uri", "text")) {
                Value v = fields.get(key);
                if (v != null) {
                    asset.put(kind, key + ":" + v.getStringValue());
                }
            }
            if (asset.isEmpty()) {
                asset.put(kind, "(assets)");
            }
            return Optional.of(asset);
        }
        return Optional.of(NODES.textNode("(" + sig + ")"));
    }
}
