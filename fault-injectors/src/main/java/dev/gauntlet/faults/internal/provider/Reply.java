package dev.gauntlet.faults.internal.provider;

import dev.gauntlet.faults.internal.Tokens;
import java.util.List;

/** What the scripted model says in one turn: text, or tool calls. Immutable. */
public sealed interface Reply permits Reply.Text, Reply.Calls {

  /** Completion tokens the reply costs. */
  long completionTokens();

  /** A final answer. */
  record Text(String content) implements Reply {
    @Override
    public long completionTokens() {
      return Tokens.count(content);
    }
  }

  /** Tool calls; {@code arguments} of each is a JSON string, as on the wire. */
  record Calls(List<Call> calls) implements Reply {
    public Calls {
      calls = List.copyOf(calls);
    }

    @Override
    public long completionTokens() {
      return calls.stream()
          .mapToLong(c -> Tokens.count(c.name()) + Tokens.count(c.arguments()))
          .sum();
    }
  }

  /** One tool call the model makes. */
  record Call(String id, String name, String arguments) {}
}
