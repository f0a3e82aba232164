package org.taar.pipeline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.taar.format.Attachment;
import org.taar.intake.Archive;
import org.taar.intake.Delivery;
import org.taar.intake.MediaKinds;
import org.taar.item.Media;
import org.taar.item.Rendition;

/**
 * The attachments of one delivery (the other parts of a multipart push, files beside a story in
 * the drop folder, an e-mail's attached pictures), each archived as it is handed over, before
 * anything is acknowledged, and known by its name for {@code part:NAME} renditions.
 */
final class DeliveryParts {
    /**
     * One archived attachment.
     *
     * @param kind what its bytes are (the sender's type as a hint); null when they are no picture, video or audio
     */
    record Part(String name, String sha256, String contentType, Media.Kind kind) {}

    private final Archive archive;
    private final String source;
    private final String channel;
    private final Map<String, Part> byName = new LinkedHashMap<>();

    DeliveryParts(Archive archive, String source, String channel) {
        this.archive = archive;
        this.source = source;
        this.channel = channel;
    }

    /** Archives the attachment (durably, as every delivery) and keeps it under its name; a second of one name is ignored. */
    synchronized void add(Attachment a) {
        if (a == null || a.content() == null) return;
        Delivery d = archive.store(source, channel, a.name(), a.content());
        Media.Kind kind = MediaKinds.of(a.content(), a.name());
        if (kind == null) kind = Media.Kind.ofContentType(a.contentType());
        String name = a.name() == null ? d.sha256() : a.name();
        byName.putIfAbsent(name, new Part(name, d.sha256(), a.contentType(), kind));
    }

    synchronized Part get(String name) {
        return byName.get(name);
    }

    synchronized boolean isEmpty() {
        return byName.isEmpty();
    }

    /**
     * The pictures, video and audio no item of the delivery names: they belong to every story of
     * the delivery, in the order they came.
     */
    synchronized List<Part> unnamed(List<MediaIntake.Sent> sent) {
        Set<String> named = new HashSet<>();
        for (MediaIntake.Sent s : sent) {
            for (Media m : s.media()) {
                for (Rendition r : m.renditions()) {
                    if (r.inDelivery()) named.add(r.href().substring(Rendition.PART.length()));
                }
            }
        }
        List<Part> out = new ArrayList<>();
        for (Part p : byName.values()) if (!named.contains(p.name()) && p.kind() != null) out.add(p);
        return out;
    }
}
