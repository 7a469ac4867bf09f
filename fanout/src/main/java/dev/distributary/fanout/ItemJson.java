package dev.distributary.fanout;

import dev.distributary.change.AttributeValue;
import dev.distributary.change.Image;
import dev.distributary.fanout.internal.Json;
import dev.distributary.fanout.internal.PlainJson;
import java.util.LinkedHashMap;

/**
 * Items and attribute values as the plain JSON of the envelope (without its type hints), for
 * showing them to people: {@code {"pk":"order#1","total":12.50,"tags":["red"]}}.
 */
public final class ItemJson {
    private ItemJson() {}

    public static String of(Image image) {
        return Json.write(PlainJson.writeImage(image));
    }

    public static String of(AttributeValue value) {
        return Json.write(PlainJson.write(value, "", new LinkedHashMap<>()));
    }
}
