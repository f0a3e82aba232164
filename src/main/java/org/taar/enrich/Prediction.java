package org.taar.enrich;

/** A classifier's answer: the label and its probability (0..1). */
public record Prediction(String label, double confidence) {}
