package dev.gauntlet.reports.leak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StudentTTest {

  @ParameterizedTest(name = "t({0}; {1} df) = {2}")
  @CsvSource({
    "0.975, 1, 12.7062",
    "0.975, 2, 4.3027",
    "0.975, 5, 2.5706",
    "0.975, 10, 2.2281",
    "0.975, 30, 2.0423",
    "0.975, 1000, 1.9623",
    "0.995, 5, 4.0321",
    "0.95, 20, 1.7247",
    "0.025, 10, -2.2281"
  })
  void matchesPublishedTables(double p, double df, double expected) {
    assertThat(StudentT.quantile(p, df)).isCloseTo(expected, within(5e-4));
  }
}
