package dev.gauntlet.scenario;

/**
 * An LLM provider endpoint that the fault plane serves to the agent.
 *
 * @param name  identifier used by faults ({@code provider: primary}) and in the ledger
 * @param api   wire format; {@code openai} for now
 * @param model model name the agent is told to use with this provider
 */
public record Provider(String name, String api, String model) {}
