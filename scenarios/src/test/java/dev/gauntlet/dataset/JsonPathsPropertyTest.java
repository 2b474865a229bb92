package dev.gauntlet.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import org.junit.jupiter.api.Test;

/** A JSON path in any of its spellings names the same field as the JSON pointer built from its steps. */
class JsonPathsPropertyTest {

  @Property(tries = 500)
  void everySpellingOfAPathGivesThePointerOfItsSteps(
      @ForAll("steps") List<Tuple2<String, Integer>> steps) {
    StringBuilder path = new StringBuilder("$");
    StringBuilder pointer = new StringBuilder();
    for (Tuple2<String, Integer> step : steps) {
      path.append(spell(step.get1(), step.get2()));
      pointer.append('/').append(step.get1().replace("~", "~0").replace("/", "~1"));
    }

    assertThat(JsonPaths.toPointer(path.toString()))
        .as("pointer of %s", path)
        .isEqualTo(pointer.toString());
  }

  @Test
  void rejectsWildcardsAndPathsThatNameNothing() {
    assertThatThrownBy(() -> JsonPaths.toPointer("$")).hasMessage("it must name a field after $");
    assertThatThrownBy(() -> JsonPaths.toPointer("a.b")).hasMessage("it must start with $");
    assertThatThrownBy(() -> JsonPaths.toPointer("$..a"))
        .hasMessage("the step at character 2 names nothing");
    assertThatThrownBy(() -> JsonPaths.toPointer("$['a"))
        .hasMessage("the ' at character 3 is never closed");
  }

  /** Spelling 0: {@code .name} where it can be; 1: {@code ['name']}; 2: {@code ["name"]}; digits may use [n]. */
  private static String spell(String name, int spelling) {
    if (name.matches("\\d+") && spelling == 0) {
      return "[" + name + "]";
    }
    if (spelling == 0 && name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      return "." + name;
    }
    return spelling == 2 ? "[\"" + name + "\"]" : "['" + name + "']";
  }

  @Provide
  Arbitrary<List<Tuple2<String, Integer>>> steps() {
    Arbitrary<String> name =
        Arbitraries.oneOf(
            Arbitraries.strings()
                .alpha()
                .numeric()
                .withChars('_', '~', '/', ' ', '-')
                .ofMinLength(1)
                .ofMaxLength(8),
            Arbitraries.integers().between(0, 99).map(String::valueOf));
    return name.flatMap(n -> Arbitraries.integers().between(0, 2).map(s -> Tuple.of(n, s)))
        .list()
        .ofMinSize(1)
        .ofMaxSize(5);
  }
}
