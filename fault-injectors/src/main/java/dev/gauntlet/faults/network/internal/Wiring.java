package dev.gauntlet.faults.network.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.util.concurrent.Future;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One proxy's toxics and the open connections they act on. A connection is admitted together with a copy of the
 * toxics, and every later change is sent to every admitted connection, so each connection sees each change exactly
 * once. A change returns once every connection has applied it. Thread-safe: the event loops take this object's
 * lock only briefly, and nothing waits while holding it.
 */
final class Wiring {

  private static final long WAIT_SECONDS = 10;

  private final List<ToxicSpec> toxics = new ArrayList<>();
  private final Set<ProxiedConnection> connections = new HashSet<>();
  private long generation;
  private boolean open;

  /** Opens for connections accepted from now on; answers the number they must show to be admitted. */
  synchronized long open() {
    open = true;
    return ++generation;
  }

  /** Admits no more connections, and hands back those open for closing. */
  synchronized List<ProxiedConnection> shut() {
    open = false;
    List<ProxiedConnection> admitted = new ArrayList<>(connections);
    connections.clear();
    return admitted;
  }

  /** Admits {@code connection} with the toxics as they are now, or answers null when it came too late. */
  synchronized List<ToxicSpec> admit(ProxiedConnection connection, long opened) {
    if (!open || opened != generation) {
      return null;
    }
    connections.add(connection);
    return List.copyOf(toxics);
  }

  synchronized void forget(ProxiedConnection connection) {
    connections.remove(connection);
  }

  ToxicSpec add(JsonNode body) {
    List<Future<?>> applied;
    ToxicSpec spec;
    synchronized (this) {
      spec = ToxicSpec.create(body, taken -> find(taken) >= 0);
      toxics.add(spec);
      applied = broadcast(connection -> connection.add(spec));
    }
    await(applied);
    return spec;
  }

  ToxicSpec update(String name, JsonNode body) {
    List<Future<?>> applied;
    ToxicSpec spec;
    synchronized (this) {
      int i = found(name);
      spec = toxics.get(i).update(body);
      toxics.set(i, spec);
      applied = broadcast(connection -> connection.update(spec));
    }
    await(applied);
    return spec;
  }

  void remove(String name) {
    List<Future<?>> applied;
    synchronized (this) {
      ToxicSpec spec = toxics.remove(found(name));
      applied = broadcast(connection -> connection.remove(spec));
    }
    await(applied);
  }

  void removeAll() {
    list().forEach(spec -> remove(spec.name()));
  }

  synchronized ToxicSpec get(String name) {
    return toxics.get(found(name));
  }

  /** The toxics as Toxiproxy lists them: the upstream ones, then the downstream ones, each in the order added. */
  synchronized List<ToxicSpec> list() {
    return toxics.stream().sorted(Comparator.comparing(ToxicSpec::stream)).toList();
  }

  private List<Future<?>> broadcast(Consumer<ProxiedConnection> change) {
    List<Future<?>> applied = new ArrayList<>();
    for (ProxiedConnection connection : connections) {
      try {
        applied.add(connection.run(change));
      } catch (RejectedExecutionException e) {
        // the server is shutting down, and the connection with it
      }
    }
    return applied;
  }

  private static void await(List<Future<?>> applied) {
    applied.forEach(change -> change.awaitUninterruptibly(WAIT_SECONDS, TimeUnit.SECONDS));
  }

  private int found(String name) {
    int i = find(name);
    if (i < 0) {
      throw ApiError.toxicNotFound();
    }
    return i;
  }

  private int find(String name) {
    for (int i = 0; i < toxics.size(); i++) {
      if (toxics.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
