package dev.gauntlet.engine.internal.targets;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Waits until a target answers its readiness path with 2xx, giving up at a deadline or as soon as the target dies.
 */
public final class Readiness {

  private Readiness() {}

  /**
   * Polls {@code path} on {@code target} every 100 ms.
   *
   * @return empty when ready, otherwise what went wrong, in words a user can act on
   */
  public static Optional<String> await(AgentTarget target, String path, Duration timeout) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI health = target.baseUrl().resolve(path);
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer yet";
    while (System.nanoTime() < deadline) {
      Optional<String> death = target.deathReason();
      if (death.isPresent()) {
        return Optional.of(death.get() + " before it became ready at " + health);
      }
      try {
        HttpResponse<Void> response =
            client.send(
                HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 == 2) {
          return Optional.empty();
        }
        last = "it answered " + response.statusCode();
      } catch (java.io.IOException e) {
        last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.of("interrupted while waiting for " + health);
      }
      sleep();
    }
    return Optional.of(
        "could not reach the target at "
            + health
            + " after "
            + timeout.toSeconds()
            + " s ("
            + last
            + "); is it running? set target.ready.timeout to wait longer");
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
