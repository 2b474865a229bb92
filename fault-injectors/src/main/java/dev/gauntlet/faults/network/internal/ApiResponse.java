package dev.gauntlet.faults.network.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the API answers: a status and a JSON body, or none. Immutable.
 *
 * @param status the HTTP status
 * @param body   the JSON body; null for none
 */
record ApiResponse(int status, JsonNode body) {

  static ApiResponse ok(JsonNode body) {
    return new ApiResponse(200, body);
  }

  static ApiResponse created(JsonNode body) {
    return new ApiResponse(201, body);
  }

  static ApiResponse noContent() {
    return new ApiResponse(204, null);
  }

  static ApiResponse error(ApiError error) {
    return new ApiResponse(
        error.status(),
        Json.NODES.objectNode().put("error", error.getMessage()).put("status", error.status()));
  }
}
