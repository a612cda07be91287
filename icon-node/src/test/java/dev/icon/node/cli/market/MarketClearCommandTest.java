package dev.icon.node.cli.market;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.icon.node.cli.IconMain;
import dev.icon.testing.RepositoryRoot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * {@code icon market clear} on the example of {@code examples/market/} (worked out by hand in
 * market/README.md) and on bad files.
 */
class MarketClearCommandTest {

  private static final Path EXAMPLES = RepositoryRoot.find().resolve("examples/market");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = IconMain.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void theExampleClearsToItsWorkedOutResult() throws Exception {
    Run r = run("market", "clear", "--input", EXAMPLES.resolve("clear-example.json").toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(Files.readString(EXAMPLES.resolve("clear-example.out.json")));
    JsonNode trades = JSON.readTree(r.out()).get("trades");
    assertThat(trades.get(1).get("buyer_pays_per_unit").decimalValue())
        .isEqualByComparingTo("7.375");
  }

  @Test
  void shuffledEntriesGiveTheSameOutput() throws Exception {
    ObjectNode market = (ObjectNode) JSON.readTree(
        EXAMPLES.resolve("clear-example.json").toFile());
    String expected = Files.readString(EXAMPLES.resolve("clear-example.out.json"));
    Random random = new Random(7);
    for (int k = 0; k < 5; k++) {
      for (String field : List.of("bids", "asks")) {
        List<JsonNode> entries = new ArrayList<>();
        market.get(field).forEach(entries::add);
        Collections.shuffle(entries, random);
        ArrayNode shuffled = market.putArray(field);
        entries.forEach(shuffled::add);
      }
      Path file = dir.resolve("shuffled-" + k + ".json");
      JSON.writeValue(file.toFile(), market);

      assertThat(run("market", "clear", "--input", file.toString()).out()).isEqualTo(expected);
    }
  }

  @Test
  void theSaltIsPartOfTheRound() {
    Run r = run("market", "clear", "--input", EXAMPLES.resolve("clear-example.json").toString(),
        "--salt", "round-7");

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("\"mechanism\" : \"split-market-posted-price/1\"");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "not json | not JSON",
      "[] | needs an object with arrays 'bids' and 'asks'",
      "{\"bids\":[]} | needs an object with arrays 'bids' and 'asks'",
      "{\"bids\":[],\"asks\":[],\"x\":1} | unknown key 'x' in the top level",
      "{\"bids\":[{\"id\":\"b\",\"bidder\":\"i\",\"value_per_unit\":1.0000001,\"units\":1}],\"asks\":[]} | bids[0]: 'value_per_unit' has more than 6 decimals: 1.0000001",
      "{\"bids\":[{\"id\":\"b\",\"bidder\":\"i\",\"value_per_unit\":-2,\"units\":1}],\"asks\":[]} | bids[0]: 'value_per_unit' must be >= 0, got -2",
      "{\"bids\":[{\"id\":\"b\",\"bidder\":\"i\",\"value_per_unit\":\"3\",\"units\":1}],\"asks\":[]} | bids[0]: 'value_per_unit' missing or not a number",
      "{\"bids\":[{\"id\":\"b\",\"bidder\":\"i\",\"value_per_unit\":1,\"units\":1.5}],\"asks\":[]} | bids[0]: 'units' missing or not a whole number",
      "{\"bids\":[{\"id\":\"b\",\"bidder\":\"i\",\"value_per_unit\":1,\"units\":0}],\"asks\":[]} | bids[0]: bid b: units must be >= 1, got 0",
      "{\"bids\":[{\"id\":\"b\",\"bidder\":\"i\",\"value_per_unit\":1,\"units\":1,\"accept\":[]}],\"asks\":[]} | bids[0]: 'accept' must be a non-empty array of ask ids (omit it to accept any ask)",
      "{\"bids\":[{\"id\":\"b\",\"bidder\":\"i\",\"value_per_unit\":1,\"units\":1,\"acept\":[\"a\"]}],\"asks\":[]} | bids[0]: unknown key 'acept' in bids[0]",
      "{\"bids\":[],\"asks\":[{\"id\":\"a\",\"provider\":\"p\",\"cost_per_unit\":99999999999999,\"units\":1}]} | asks[0]: 'cost_per_unit' is too large: 99999999999999",
      "{\"bids\":[],\"asks\":[{\"id\":\"a\",\"provider\":\"p\",\"cost_per_unit\":1,\"units\":99999999999999999999}]} | asks[0]: 'units' is too large",
      "{\"bids\":[],\"asks\":[{\"id\":\"a\",\"cost_per_unit\":1,\"units\":1}]} | asks[0]: 'provider' missing or not a string",
      "{\"bids\":[{\"id\":\"a\",\"bidder\":\"i\",\"value_per_unit\":1,\"units\":1}],\"asks\":[{\"id\":\"a\",\"provider\":\"p\",\"cost_per_unit\":1,\"units\":1}]} | duplicate id a",
      "{\"bids\":[],\"bids\":[],\"asks\":[]} | Duplicate field 'bids'",
      "{\"bids\":[{\"id\":\"b\",\"bidder\":\"i\",\"value_per_unit\":1e-999999999,\"units\":1}],\"asks\":[]} | bids[0]:",
      "{\"bids\":[{\"id\":\"b\",\"bidder\":\"i\",\"value_per_unit\":1e999999999,\"units\":1}],\"asks\":[]} | bids[0]:",
  })
  @Timeout(10)
  void aBadFileIsBadUsageNamingThePlace(String text, String message) throws Exception {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, text);

    Run r = run("market", "clear", "--input", file.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(message);
    assertThat(r.out()).isEmpty();
  }

  @Test
  void anOversizedFileIsRefusedBeforeReading() throws Exception {
    Path file = dir.resolve("huge.json");
    try (var f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(MarketClearCommand.MAX_INPUT_BYTES + 1); // sparse: no disk used
    }

    Run r = run("market", "clear", "--input", file.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("larger than 64 MiB");
  }

  @Test
  void aMissingFileIsBadUsage() {
    Run r = run("market", "clear", "--input", dir.resolve("nope.json").toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("cannot read");
  }
}
