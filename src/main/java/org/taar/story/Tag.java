package org.taar.story;

/** A tag as readers see it: its canonical name and the slug of its page under /tag/. */
public record Tag(String slug, String name) {}
