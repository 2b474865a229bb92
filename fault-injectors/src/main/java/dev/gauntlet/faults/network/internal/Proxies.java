package dev.gauntlet.faults.network.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every proxy by name, with the rules Toxiproxy applies when proxies are created, populated, reset and deleted.
 * Listed in name order, as Toxiproxy's JSON encoder sorts them. Thread-safe: every call holds the registry's
 * monitor, which no event loop ever takes.
 */
final class Proxies {

  private static final String DEFAULT_LISTEN = "127.0.0.1:0";

  private final TreeMap<String, Proxy> byName = new TreeMap<>();
  private final Sockets sockets;
  private final Draws draws;

  Proxies(Sockets sockets, Draws draws) {
    this.sockets = sockets;
    this.draws = draws;
  }

  synchronized ObjectNode index() {
    ObjectNode index = Json.NODES.objectNode();
    byName.forEach((name, proxy) -> index.set(name, proxy.json()));
    return index;
  }

  /** {@code POST /proxies}: creates and, unless asked otherwise, starts one proxy. */
  synchronized Proxy create(JsonNode body) {
    Json.object(body, "the proxy");
    Proxy proxy = candidate(body, "");
    if (byName.containsKey(proxy.name())) {
      throw ApiError.proxyExists();
    }
    if (Json.bool(body, "enabled", true)) {
      proxy.start();
    }
    byName.put(proxy.name(), proxy);
    return proxy;
  }

  /**
   * {@code POST /populate}: checks every proxy in the list first, then creates each one, or replaces the proxy of
   * that name when its listen or upstream address differs, and leaves it (toxics and all) when they match.
   */
  synchronized List<Proxy> populate(JsonNode body) {
    if (body == null || !body.isArray()) {
      throw ApiError.badRequest("the body must be a JSON array of proxies, but was " + body);
    }
    List<Proxy> wanted = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < body.size(); i++) {
      Proxy proxy = candidate(Json.object(body.get(i), "proxy " + (i + 1)), " at proxy " + (i + 1));
      if (!names.add(proxy.name())) {
        throw ApiError.badRequest("duplicate proxy name \"" + proxy.name() + "\"");
      }
      wanted.add(proxy);
    }
    List<Proxy> result = new ArrayList<>();
    for (int i = 0; i < wanted.size(); i++) {
      result.add(place(wanted.get(i), Json.bool(body.get(i), "enabled", true)));
    }
    return result;
  }

  private Proxy place(Proxy proxy, boolean enabled) {
    Proxy existing = byName.get(proxy.name());
    if (existing != null && same(existing, proxy)) {
      return existing;
    }
    if (existing != null) {
      existing.stop();
    }
    if (enabled) {
      proxy.start();
    }
    byName.put(proxy.name(), proxy);
    return proxy;
  }

  synchronized Proxy get(String name) {
    Proxy proxy = byName.get(name);
    if (proxy == null) {
      throw ApiError.proxyNotFound();
    }
    return proxy;
  }

  synchronized void delete(String name) {
    get(name).stop();
    byName.remove(name);
  }

  /** {@code POST /reset}: every proxy enabled again and every toxic removed. */
  synchronized void reset() {
    for (Proxy proxy : byName.values()) {
      proxy.start();
      proxy.toxics().removeAll();
    }
  }

  /** Stops every proxy, for shutdown. */
  synchronized void stopAll() {
    byName.values().forEach(Proxy::stop);
    byName.clear();
  }

  private Proxy candidate(JsonNode body, String where) {
    String name = Json.text(body, "name", "");
    if (name.isEmpty()) {
      throw ApiError.missingField("name" + where);
    }
    String upstream = Json.text(body, "upstream", "");
    if (upstream.isEmpty()) {
      throw ApiError.missingField("upstream" + where);
    }
    return new Proxy(name, Json.text(body, "listen", DEFAULT_LISTEN), upstream, sockets, draws);
  }

  private static boolean same(Proxy existing, Proxy wanted) {
    return Address.parse("listen", existing.listen())
            .sameAs(Address.parse("listen", wanted.listen()))
        && Address.parse("upstream", existing.upstream())
            .sameAs(Address.parse("upstream", wanted.upstream()));
  }
}
