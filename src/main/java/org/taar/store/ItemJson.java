package org.taar.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.taar.item.NewsItem;

/**
 * How a NewsItem is kept in the store: the record's own fields as JSON, so that reading it back
 * gives exactly what was written (ninjs is produced from it on the way out).
 */
final class ItemJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ItemJson() {}

    static String write(NewsItem item) {
        try {
            return JSON.writeValueAsString(item);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a NewsItem always serializes", e);
        }
    }

    static NewsItem read(String json) {
        try {
            return JSON.readValue(json, NewsItem.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored item is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
