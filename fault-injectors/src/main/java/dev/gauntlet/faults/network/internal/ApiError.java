package dev.gauntlet.faults.network.internal;

/**
 * A request the API refuses, with the status and the message Toxiproxy 2.x answers for it, so that clients which
 * match on either keep working. Immutable and thread-safe.
 */
final class ApiError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;

  ApiError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  /** The HTTP status to answer with. */
  int status() {
    return status;
  }

  static ApiError badRequest(String detail) {
    return new ApiError(400, "bad request body: " + detail);
  }

  static ApiError missingField(String field) {
    return new ApiError(400, "missing required field: " + field);
  }

  static ApiError proxyNotFound() {
    return new ApiError(404, "proxy not found");
  }

  static ApiError proxyExists() {
    return new ApiError(409, "proxy already exists");
  }

  static ApiError invalidStream() {
    return new ApiError(400, "stream was invalid, can be either upstream or downstream");
  }

  static ApiError invalidToxicType() {
    return new ApiError(400, "invalid toxic type");
  }

  static ApiError toxicExists() {
    return new ApiError(409, "toxic already exists");
  }

  static ApiError toxicNotFound() {
    return new ApiError(404, "toxic not found");
  }

  static ApiError internal(String message) {
    return new ApiError(500, message);
  }
}
