package dev.distributary.cli;

import dev.distributary.change.AttributeValue;
import dev.distributary.change.Image;
import dev.distributary.fanout.ChangeEvent;
import dev.distributary.fanout.ItemJson;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An event for people: a header line, then the item (the change, for a modify).
 *
 * <pre>
 * 2026-11-26T10:00:00.123Z  MODIFY  orders/order  pk=order#1,sk=v0  local, written in eu-west-1  class public  id 7d1c…
 *     changed: status "PLACED" → "PAID"
 * </pre>
 */
final class EventText {
    private static final int MAX_LINE = 400;

    private EventText() {}

    static List<String> of(ChangeEvent event) {
        List<String> lines = new ArrayList<>();
        String what = event.table() + event.entityType().map(e -> "/" + e).orElse("");
        lines.add(String.format(
                "%s  %-9s  %s  %s  %s, written in %s  class %s  id %s",
                event.time(),
                event.op().name(),
                what,
                event.subject(),
                event.originKind().wireName(),
                event.originRegion().orElse("an unknown region"),
                event.residency(),
                event.id()));
        if (event.truncated()) {
            lines.add("    (too large for SNS: keys only; read the item from the table)");
            return lines;
        }
        switch (event.op()) {
            case INSERT -> event.after().ifPresent(after -> lines.add("    item: " + clip(ItemJson.of(after))));
            case REMOVE -> event.before().ifPresent(before -> lines.add("    was: " + clip(ItemJson.of(before))));
            case TOMBSTONE ->
                event.before()
                        .ifPresent(before -> lines.add("    deleted (tombstone), was: " + clip(ItemJson.of(before))));
            case EXPIRE ->
                event.before().ifPresent(before -> lines.add("    expired (TTL), was: " + clip(ItemJson.of(before))));
            case MODIFY -> lines.add("    " + clip(changes(event)));
            default -> throw new IllegalStateException("unknown op " + event.op());
        }
        return lines;
    }

    /** {@code changed: status "PLACED" → "PAID"; added: note "x"; removed: gift}. */
    private static String changes(ChangeEvent event) {
        if (event.before().isEmpty()) {
            return "item: " + event.after().map(ItemJson::of).orElse("(no image)");
        }
        Image before = event.before().get();
        Image after = event.after().orElse(Image.EMPTY);
        List<String> changed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>(before.attributes().keySet());
        names.addAll(after.attributes().keySet());
        for (String name : names) {
            AttributeValue old = before.attributes().get(name);
            AttributeValue now = after.attributes().get(name);
            if (old == null) {
                added.add(name + " " + ItemJson.of(now));
            } else if (now == null) {
                removed.add(name);
            } else if (!old.equals(now)) {
                changed.add(name + " " + ItemJson.of(old) + " → " + ItemJson.of(now));
            }
        }
        List<String> parts = new ArrayList<>();
        addPart(parts, "changed", changed);
        addPart(parts, "added", added);
        addPart(parts, "removed", removed);
        return parts.isEmpty() ? "unchanged" : String.join("  ", parts);
    }

    private static void addPart(List<String> parts, String label, List<String> items) {
        if (!items.isEmpty()) {
            parts.add(label + ": " + String.join("; ", items));
        }
    }

    private static String clip(String text) {
        return text.length() <= MAX_LINE ? text : text.substring(0, MAX_LINE) + "… (" + text.length() + " characters)";
    }
}
