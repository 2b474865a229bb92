package dev.gauntlet.faults.network.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A {@code host:port} pair as the API spells listen and upstream addresses ({@code [::1]:80} for IPv6). Immutable.
 *
 * @param host a host name or an IP literal, without brackets
 * @param port 0 to 65535; 0 asks for any free port when listening
 */
record Address(String host, int port) {

  /** Parses {@code text}, naming {@code field} in the 400 it answers when the text is no address. */
  static Address parse(String field, String text) {
    int colon = text.lastIndexOf(':');
    if (colon < 0) {
      throw ApiError.badRequest(field + " must be host:port, but was \"" + text + "\"");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new Address(
        host.isEmpty() ? "0.0.0.0" : host, port(field, text, text.substring(colon + 1)));
  }

  private static int port(String field, String text, String port) {
    try {
      int p = Integer.parseInt(port);
      if (p >= 0 && p <= 65535) {
        return p;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiError.badRequest(
        field + " must end in a port in [0, 65535], but was \"" + text + "\"");
  }

  /** Whether both name the same socket: the same port, and hosts spelled alike or resolving alike. */
  boolean sameAs(Address other) {
    if (port != other.port) {
      return false;
    }
    if (host.equalsIgnoreCase(other.host)) {
      return true;
    }
    try {
      return InetAddress.getByName(host).equals(InetAddress.getByName(other.host));
    } catch (UnknownHostException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
