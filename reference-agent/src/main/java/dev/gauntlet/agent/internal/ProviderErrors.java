package dev.gauntlet.agent.internal;

import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

/** Classifies and describes what went wrong with a provider call. Stateless. */
public final class ProviderErrors {
  private ProviderErrors() {}

  /** Anything the provider side can be blamed for: a status, an I/O failure, a bad body, an open breaker. */
  public static boolean isProviderFailure(Throwable error) {
    return error instanceof OpenAIException
        || error instanceof MalformedResponseException
        || error instanceof CallNotPermittedException;
  }

  /** Failures that may pass if asked again: 408, 409, 429, 5xx, I/O (timeouts included), malformed bodies. */
  public static boolean isTransient(Throwable error) {
    if (error instanceof OpenAIServiceException service) {
      int status = service.statusCode();
      return status == 408 || status == 409 || status == 429 || status >= 500;
    }
    return error instanceof OpenAIIoException
        || error instanceof OpenAIInvalidDataException
        || error instanceof MalformedResponseException;
  }

  /** A short phrase for the 502 body and the log line: "answered 503", "failed: …" or "skipped: …". */
  public static String describe(Throwable error) {
    if (error instanceof OpenAIServiceException service) {
      return "answered " + service.statusCode();
    }
    if (error instanceof CallNotPermittedException) {
      return "skipped: circuit breaker is open";
    }
    Throwable cause =
        error instanceof OpenAIIoException && error.getCause() != null ? error.getCause() : error;
    return "failed: "
        + cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
  }
}
