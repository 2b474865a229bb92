package dev.gauntlet.faults.network.internal;

import java.util.Locale;

/** Which way a toxic acts: {@code upstream} is client to server, {@code downstream} server to client. */
enum Direction {
  UPSTREAM,
  DOWNSTREAM;

  /** The lower-case name the API uses. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a {@code stream} field, ignoring case as Toxiproxy does. */
  static Direction parse(String stream) {
    for (Direction d : values()) {
      if (d.wire().equalsIgnoreCase(stream)) {
        return d;
      }
    }
    throw ApiError.invalidStream();
  }
}
