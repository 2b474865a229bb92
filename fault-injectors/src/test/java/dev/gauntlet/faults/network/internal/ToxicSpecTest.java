package dev.gauntlet.faults.network.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ToxicSpecTest {

  private static ToxicSpec create(String json) {
    return ToxicSpec.create(Json.parse(json), name -> name.equals("taken"));
  }

  @Test
  void aToxicStartsDownstreamWholeAndNamedForTypeAndStream() {
    ToxicSpec spec = create("{\"type\":\"slicer\",\"stream\":\"UpStream\"}");

    assertThat(spec)
        .isEqualTo(new ToxicSpec("slicer_upstream", Direction.UPSTREAM, 1f, new Slicer(0, 0, 0)));
  }

  @Test
  void anUpdateChangesOnlyWhatItNames() {
    ToxicSpec spec =
        create(
            "{\"name\":\"lag\",\"type\":\"latency\",\"attributes\":{\"latency\":100,\"jitter\":5}}");

    ToxicSpec updated =
        spec.update(Json.parse("{\"name\":\"ignored\",\"attributes\":{\"jitter\":9}}"));

    assertThat(updated)
        .isEqualTo(new ToxicSpec("lag", Direction.DOWNSTREAM, 1f, new Latency(100, 9)));
  }

  @Test
  void theStreamIsCheckedBeforeTheTypeAndTheTypeBeforeTheName() {
    assertThatThrownBy(
            () -> create("{\"type\":\"nope\",\"stream\":\"sideways\",\"name\":\"taken\"}"))
        .hasMessage("stream was invalid, can be either upstream or downstream");
    assertThatThrownBy(() -> create("{\"type\":\"nope\",\"name\":\"taken\"}"))
        .hasMessage("invalid toxic type");
    assertThatThrownBy(() -> create("{\"type\":\"timeout\",\"name\":\"taken\"}"))
        .hasMessage("toxic already exists");
  }

  @Test
  void attributesMustBeAnObject() {
    assertThatThrownBy(() -> create("{\"type\":\"timeout\",\"attributes\":[1]}"))
        .hasMessage("bad request body: attributes must be a JSON object, but was [1]");
  }

  @Test
  void addressesKeepIpv6InBrackets() {
    assertThat(Address.parse("listen", "[::1]:8474")).isEqualTo(new Address("::1", 8474));
    assertThat(new Address("::1", 8474)).hasToString("[::1]:8474");
    assertThat(
            Address.parse("listen", "localhost:0").sameAs(Address.parse("listen", "127.0.0.1:0")))
        .isTrue();
  }
}
