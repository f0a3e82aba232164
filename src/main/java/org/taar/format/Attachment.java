package org.taar.format;

/**
 * Bytes that came with a delivery beside its text: a part of a multipart push, an e-mail
 * attachment, a file with the same base name in the drop folder. A media item's rendition names
 * one by {@code part:NAME} (see item/Rendition).
 *
 * @param name the part's file name (or its name in the form when it has none), as the sender gave it
 * @param contentType the MIME type the sender gave; never trusted, the media stage reads the bytes
 */
public record Attachment(String name, String contentType, byte[] content) {}
