package dev.gauntlet.dataset;

import static dev.gauntlet.dataset.DatasetFiles.ITEM;
import static dev.gauntlet.dataset.DatasetFiles.MANIFEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gauntlet.scenario.Evaluation;
import dev.gauntlet.scenario.FaultPlaneSpec;
import dev.gauntlet.scenario.InvalidInputException;
import dev.gauntlet.scenario.Price;
import dev.gauntlet.scenario.Problem;
import dev.gauntlet.scenario.Provider;
import dev.gauntlet.scenario.Scenario;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dataset.yaml's price hints: loaded, and the fallback for models a scenario's prices leave out. */
class PriceHintsTest {

  private static final String PRICES =
      String.join(
          "\n",
          "prices:",
          "  gpt-4o-mini: {input_per_million: 0.15, output_per_million: 0.60}",
          "  gpt-4o: {input_per_million: 2.5, output_per_million: 10}",
          "");

  @TempDir Path tmp;

  @Test
  void theLoaderKeepsThePriceHintsInFileOrder() {
    Dataset dataset = DatasetLoader.load(DatasetFiles.write(tmp, MANIFEST + PRICES, List.of(ITEM)));

    assertThat(dataset.prices())
        .containsExactly(
            Map.entry("gpt-4o-mini", new PriceHint(0.15, 0.60)),
            Map.entry("gpt-4o", new PriceHint(2.5, 10)));
  }

  @Test
  void reportsAPriceThatIsNotANumberOfUsdAtItsLine() {
    Path dir = DatasetFiles.write(tmp, MANIFEST + PRICES.replace("0.60", "cheap"), List.of(ITEM));

    List<Problem> problems =
        catchThrowableOfType(InvalidInputException.class, () -> DatasetLoader.load(dir)).problems();

    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(21);
              assertThat(p.path()).isEqualTo("prices.gpt-4o-mini.output_per_million");
              assertThat(p.message())
                  .isEqualTo("must be a number of USD per million tokens >= 0, but was \"cheap\"");
            });
  }

  @Test
  void aModelTheScenarioDoesNotPriceCostsItsHintAndTheScenariosOwnPricesWin() {
    Dataset dataset = DatasetLoader.load(DatasetFiles.write(tmp, MANIFEST + PRICES, List.of(ITEM)));
    Scenario scenario = scenario(Map.of("gpt-4o", new Price(3, 12)));

    Scenario priced = PriceHints.apply(scenario, dataset);

    assertThat(priced.prices())
        .containsOnly(
            Map.entry("gpt-4o-mini", new Price(0.15, 0.60)), Map.entry("gpt-4o", new Price(3, 12)));
    assertThat(priced).isEqualTo(scenario.withPrices(priced.prices()));
    assertThat(PriceHints.apply(priced, dataset)).as("nothing left to fill").isSameAs(priced);
    assertThat(PriceHints.apply(scenario, null)).isSameAs(scenario);
  }

  @Test
  void notesNameEachProviderModelThatTheScenarioLeavesOutAndWhatItCostsNow() {
    Dataset dataset = DatasetLoader.load(DatasetFiles.write(tmp, MANIFEST + PRICES, List.of(ITEM)));

    assertThat(PriceHints.notes(scenario(Map.of("gpt-4o", new Price(3, 12))), dataset))
        .containsExactly(
            "model gpt-4o-mini is priced at dataset shop's hint of $0.15 in, $0.60 out per million tokens, since the "
                + "scenario's prices do not list it; add it to prices to pin it",
            "model llama-3-8b has no price in the scenario's prices nor in the dataset's price hints, so its calls "
                + "count as free; add it to prices to measure cost");
    assertThat(
            PriceHints.notes(
                scenario(
                    Map.of(
                        "gpt-4o-mini",
                        new Price(1, 1),
                        "gpt-4o",
                        new Price(1, 1),
                        "llama-3-8b",
                        new Price(0, 0))),
                dataset))
        .isEmpty();
  }

  @Test
  void pricesAreShownToTheCentOrFiner() {
    assertThat(
            List.of(
                PriceHints.usd(10), PriceHints.usd(2.5), PriceHints.usd(0.075), PriceHints.usd(0)))
        .containsExactly("$10.00", "$2.50", "$0.075", "$0.00");
  }

  private static Scenario scenario(Map<String, Price> prices) {
    return new Scenario(
        "hints",
        1,
        null,
        "shop",
        List.of(
            new Provider("primary", "openai", "gpt-4o-mini"),
            new Provider("backup", "openai", "gpt-4o"),
            new Provider("local", "openai", "llama-3-8b")),
        prices,
        null,
        List.of(),
        List.of(),
        Evaluation.defaults(),
        FaultPlaneSpec.anyPorts(),
        null);
  }
}
