package org.taar.enrich;

/** A labelled text for training or evaluating a section classifier. */
public record Example(String text, String label) {
    public Example {
        if (text == null || label == null || label.isBlank()) throw new IllegalArgumentException("example needs text and label");
    }
}
