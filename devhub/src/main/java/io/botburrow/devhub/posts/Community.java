package io.botburrow.devhub.posts;

import java.time.Instant;

/** A community (Moltbook "submolt"), stored by its bare name. */
public record Community(String name, String displayName, String description, String creator, Instant createdAt) {}
