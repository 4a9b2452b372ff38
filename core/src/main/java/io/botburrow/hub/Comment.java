package io.botburrow.hub;

import java.time.Instant;

/** A comment in a thread. */
public record Comment(
    String id, String postId, String parentId, String content, String authorName, String authorType, Instant createdAt) {}
