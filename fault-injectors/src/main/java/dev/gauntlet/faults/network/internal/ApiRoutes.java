package dev.gauntlet.faults.network.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.function.Supplier;

/**
 * Toxiproxy 2.x's HTTP API over {@link Proxies}: the routes, methods and status codes of its {@code api.go}
 * ({@code PATCH} is taken wherever {@code POST} updates). Thread-safe.
 */
final class ApiRoutes {

  /** The Toxiproxy release whose API this one follows, with build metadata saying whose it is. */
  static final String VERSION = "2.12.0+gauntlet";

  private final Proxies proxies;

  ApiRoutes(Proxies proxies) {
    this.proxies = proxies;
  }

  /** Answers {@code method path} with {@code body}; never throws. */
  ApiResponse handle(String method, String path, String body) {
    List<String> at = List.of(path.replaceAll("^/+|/+$", "").split("/+"));
    try {
      return route(method, at, () -> Json.parse(body));
    } catch (ApiError e) {
      return ApiResponse.error(e);
    } catch (RuntimeException e) {
      return ApiResponse.error(ApiError.internal(String.valueOf(e.getMessage())));
    }
  }

  private ApiResponse route(String method, List<String> at, Supplier<JsonNode> body) {
    String first = at.get(0);
    return switch (at.size()) {
      case 1 ->
          switch (first) {
            case "version" ->
                only(
                    method,
                    "GET",
                    () -> ApiResponse.ok(Json.NODES.objectNode().put("version", VERSION)));
            case "reset" -> only(method, "POST", this::reset);
            case "populate" -> only(method, "POST", () -> populate(body.get()));
            case "proxies" -> proxies(method, body);
            default -> notFound();
          };
      case 2 -> "proxies".equals(first) ? proxy(method, at.get(1), body) : notFound();
      case 3 ->
          "proxies".equals(first) && "toxics".equals(at.get(2))
              ? toxics(method, at.get(1), body)
              : notFound();
      case 4 ->
          "proxies".equals(first) && "toxics".equals(at.get(2))
              ? toxic(method, at.get(1), at.get(3), body)
              : notFound();
      default -> notFound();
    };
  }

  private ApiResponse reset() {
    proxies.reset();
    return ApiResponse.noContent();
  }

  private ApiResponse populate(JsonNode body) {
    ArrayNode list = Json.NODES.arrayNode();
    proxies.populate(body).forEach(proxy -> list.add(proxy.json()));
    return ApiResponse.created(Json.NODES.objectNode().set("proxies", list));
  }

  private ApiResponse proxies(String method, Supplier<JsonNode> body) {
    return switch (method) {
      case "GET" -> ApiResponse.ok(proxies.index());
      case "POST" -> ApiResponse.created(proxies.create(body.get()).json());
      default -> notAllowed(method);
    };
  }

  private ApiResponse proxy(String method, String name, Supplier<JsonNode> body) {
    return switch (method) {
      case "GET" -> ApiResponse.ok(proxies.get(name).json());
      case "POST", "PATCH" -> {
        Proxy proxy = proxies.get(name);
        proxy.update(body.get());
        yield ApiResponse.ok(proxy.json());
      }
      case "DELETE" -> {
        proxies.delete(name);
        yield ApiResponse.noContent();
      }
      default -> notAllowed(method);
    };
  }

  private ApiResponse toxics(String method, String name, Supplier<JsonNode> body) {
    return switch (method) {
      case "GET" -> {
        ArrayNode list = Json.NODES.arrayNode();
        proxies.get(name).toxics().list().forEach(toxic -> list.add(toxic.json()));
        yield ApiResponse.ok(list);
      }
      case "POST" -> {
        Proxy proxy = proxies.get(name);
        yield ApiResponse.ok(proxy.toxics().add(body.get()).json());
      }
      default -> notAllowed(method);
    };
  }

  private ApiResponse toxic(String method, String name, String toxic, Supplier<JsonNode> body) {
    return switch (method) {
      case "GET" -> ApiResponse.ok(proxies.get(name).toxics().get(toxic).json());
      case "POST", "PATCH" -> {
        Proxy proxy = proxies.get(name);
        yield ApiResponse.ok(proxy.toxics().update(toxic, body.get()).json());
      }
      case "DELETE" -> {
        proxies.get(name).toxics().remove(toxic);
        yield ApiResponse.noContent();
      }
      default -> notAllowed(method);
    };
  }

  private static ApiResponse only(String method, String allowed, Supplier<ApiResponse> answer) {
    return method.equals(allowed) ? answer.get() : notAllowed(method);
  }

  private static ApiResponse notFound() {
    return ApiResponse.error(
        new ApiError(404, "no such route; see https://github.com/Shopify/toxiproxy#http-api"));
  }

  private static ApiResponse notAllowed(String method) {
    return ApiResponse.error(new ApiError(405, "method " + method + " is not allowed here"));
  }
}
