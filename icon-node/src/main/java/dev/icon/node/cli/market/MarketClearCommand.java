package dev.icon.node.cli.market;

import dev.icon.market.clearing.ClearingResult;
import dev.icon.market.clearing.DoubleAuction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code icon market clear}: runs the market's clearing on a JSON file of bids and asks and prints
 * the result as JSON, so anyone can check a round by hand. Same input, same output, whatever the
 * order of the entries.
 *
 * <p>Exit codes: 0 cleared, 2 bad usage or a bad input file (the message names the place).
 */
@Command(name = "clear", sortOptions = false, mixinStandardHelpOptions = true,
    description = {
        "Clear a double auction round from a JSON file and print the result as JSON.",
        "Input: {\"bids\":[{\"id\",\"bidder\",\"value_per_unit\",\"units\",\"accept\":[ask ids]"
            + " (omit for any ask)}], \"asks\":[{\"id\",\"provider\",\"cost_per_unit\",\"units\"}]}.",
        "Output: {\"trades\":[{\"bid\",\"ask\",\"units\",\"buyer_pays_per_unit\","
            + "\"seller_gets_per_unit\"}], \"excluded\":[ids], \"mechanism\"}.",
        "Prices are decimals with at most 6 places. A bid's units go to one ask as a whole.",
        "Mechanism: " + DoubleAuction.MECHANISM + " (see market/README.md)."})
public final class MarketClearCommand implements Callable<Integer> {

  /** Largest input accepted: a round of 100,000 bids is about 15 MB. */
  static final long MAX_INPUT_BYTES = 64L << 20;

  @Spec CommandSpec spec;

  @Option(names = "--input", paramLabel = "FILE", required = true,
      description = "The JSON file of bids and asks.")
  Path input;

  @Option(names = "--salt", paramLabel = "TEXT", defaultValue = "",
      description = "The round's public salt, which splits the market and ranks the ids"
          + " (default: empty).")
  String salt;

  @Override
  public Integer call() {
    ClearingResult result;
    try {
      if (Files.size(input) > MAX_INPUT_BYTES) {
        throw new IllegalArgumentException("larger than " + (MAX_INPUT_BYTES >> 20) + " MiB");
      }
      ClearingJson.Market market = ClearingJson.read(Files.readString(input));
      result = new DoubleAuction(salt).clear(market.bids(), market.asks());
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), "--input " + input + ": cannot read: "
          + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--input " + input + ": "
          + e.getMessage(), e);
    }
    spec.commandLine().getOut().print(ClearingJson.write(result));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
