package org.taar.search;

import java.time.Instant;

/** A story like another (more-like-this), its headline as stored: plain text, for a template to escape. */
public record SimilarStory(long id, String path, String headline, String section, Instant published, String language) {}
