package dev.gauntlet.dataset;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A tool's answer to one call: when {@code tool} is called with arguments equal to {@code arguments}, it answers
 * {@code status} with {@code response}.
 */
public record Fixture(String tool, JsonNode arguments, int status, JsonNode response) {}
