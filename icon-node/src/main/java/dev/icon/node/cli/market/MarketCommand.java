package dev.icon.node.cli.market;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code icon market}: the market of bids and asks (clearing a round by hand). */
@Command(name = "market", mixinStandardHelpOptions = true,
    description = "The market: clear a double auction round from a file.",
    subcommands = {MarketClearCommand.class})
public final class MarketCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
