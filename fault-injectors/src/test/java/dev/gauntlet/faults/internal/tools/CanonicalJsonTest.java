package dev.gauntlet.faults.internal.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

  private static String canonical(String json) throws Exception {
    return CanonicalJson.of(new ObjectMapper().readTree(json));
  }

  @Test
  void keyOrderAndWhitespaceDoNotMatter() throws Exception {
    assertThat(canonical("{\"b\":1, \"a\":{\"y\":[2,{\"q\":1,\"p\":0}],\"x\":null}}"))
        .isEqualTo(canonical("{\"a\":{\"x\":null,\"y\":[2,{\"p\":0,\"q\":1}]},\"b\":1}"));
  }

  @Test
  void numbersCompareByValue() throws Exception {
    assertThat(canonical("{\"n\":1.0}")).isEqualTo(canonical("{\"n\":1}"));
  }

  @Test
  void arrayOrderMatters() throws Exception {
    assertThat(canonical("[1,2]")).isNotEqualTo(canonical("[2,1]"));
  }
}
