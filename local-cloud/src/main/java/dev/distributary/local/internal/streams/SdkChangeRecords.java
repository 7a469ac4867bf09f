package dev.distributary.local.internal.streams;

import dev.distributary.change.AttributeValue;
import dev.distributary.change.ChangeRecord;
import dev.distributary.change.Image;
import dev.distributary.change.StreamSource;
import dev.distributary.change.UserIdentity;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** SDK stream records to change records: the local runtime's edge, as the Lambda service's is for AWS. */
public final class SdkChangeRecords {
    private SdkChangeRecords() {}

    public static ChangeRecord toChange(Record record, StreamSource source) {
        var stream = record.dynamodb();
        Optional<UserIdentity> identity =
                Optional.ofNullable(record.userIdentity()).map(id -> new UserIdentity(id.type(), id.principalId()));
        Instant created =
                stream.approximateCreationDateTime() == null ? Instant.EPOCH : stream.approximateCreationDateTime();
        return new ChangeRecord(
                record.eventID(),
                record.eventNameAsString(),
                source,
                stream.sequenceNumber(),
                created,
                image(stream.keys()),
                optionalImage(stream.hasOldImage(), stream.oldImage()),
                optionalImage(stream.hasNewImage(), stream.newImage()),
                identity,
                stream.sizeBytes() == null ? 0 : stream.sizeBytes());
    }

    public static Image image(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        item.forEach((name, value) -> attributes.put(name, value(value)));
        return new Image(attributes);
    }

    private static Optional<Image> optionalImage(
            boolean present, Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        return present ? Optional.of(image(item)) : Optional.empty();
    }

    /** The image as an SDK item. */
    public static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item(Image image) {
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item = new LinkedHashMap<>();
        image.attributes().forEach((name, value) -> item.put(name, sdk(value)));
        return item;
    }

    /** A change-model value as an SDK value. */
    public static software.amazon.awssdk.services.dynamodb.model.AttributeValue sdk(AttributeValue value) {
        var b = software.amazon.awssdk.services.dynamodb.model.AttributeValue.builder();
        if (value instanceof AttributeValue.S s) {
            b.s(s.value());
        } else if (value instanceof AttributeValue.N n) {
            b.n(n.value());
        } else if (value instanceof AttributeValue.B bin) {
            b.b(SdkBytes.fromByteArray(bin.value()));
        } else if (value instanceof AttributeValue.SS ss) {
            b.ss(ss.values());
        } else if (value instanceof AttributeValue.NS ns) {
            b.ns(ns.values());
        } else if (value instanceof AttributeValue.BS bs) {
            b.bs(bs.values().stream()
                    .map(v -> SdkBytes.fromByteArray(v.value()))
                    .toList());
        } else if (value instanceof AttributeValue.M m) {
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> map = new LinkedHashMap<>();
            m.values().forEach((k, v) -> map.put(k, sdk(v)));
            b.m(map);
        } else if (value instanceof AttributeValue.L l) {
            b.l(l.values().stream().map(SdkChangeRecords::sdk).toList());
        } else if (value instanceof AttributeValue.Bool bool) {
            b.bool(bool.value());
        } else {
            b.nul(true);
        }
        return b.build();
    }

    public static AttributeValue value(software.amazon.awssdk.services.dynamodb.model.AttributeValue value) {
        if (value.s() != null) {
            return new AttributeValue.S(value.s());
        }
        if (value.n() != null) {
            return new AttributeValue.N(value.n());
        }
        if (value.b() != null) {
            return new AttributeValue.B(value.b().asByteArray());
        }
        if (value.hasSs()) {
            return new AttributeValue.SS(value.ss());
        }
        if (value.hasNs()) {
            return new AttributeValue.NS(value.ns());
        }
        if (value.hasBs()) {
            return new AttributeValue.BS(value.bs().stream()
                    .map(b -> new AttributeValue.B(b.asByteArray()))
                    .toList());
        }
        if (value.hasM()) {
            Map<String, AttributeValue> map = new LinkedHashMap<>();
            value.m().forEach((k, v) -> map.put(k, value(v)));
            return new AttributeValue.M(map);
        }
        if (value.hasL()) {
            return new AttributeValue.L(
                    value.l().stream().map(SdkChangeRecords::value).toList());
        }
        if (value.bool() != null) {
            return new AttributeValue.Bool(value.bool());
        }
        if (Boolean.TRUE.equals(value.nul())) {
            return new AttributeValue.Null();
        }
        throw new IllegalArgumentException("attribute value with no type: " + value);
    }
}
