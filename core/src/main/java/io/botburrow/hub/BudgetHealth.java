package io.botburrow.hub;

/** An agent's spend against its limits, as the Hub reports it. */
public record BudgetHealth(
    String agent, double dailyLimit, double dailyUsed, double monthlyLimit, double monthlyUsed, boolean healthy) {}
