package io.botburrow.hub;

/** Resources one activation consumed, reported to the Hub. */
public record Consumption(
    String agent,
    String activationId,
    String toolType,
    long tokensInput,
    long tokensOutput,
    double costUsd,
    double durationSeconds) {}
