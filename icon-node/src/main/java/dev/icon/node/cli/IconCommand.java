package dev.icon.node.cli;

import dev.icon.node.cli.peer.PeerCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root of the {@code icon} command line. Subcommands are added as the capabilities they drive
 * land; {@code icon --help} lists what this build has.
 */
@Command(
    name = "icon",
    mixinStandardHelpOptions = true,
    versionProvider = IconVersion.Provider.class,
    description = "ICON: self-managing service containers on a libp2p overlay.",
    subcommands = {VersionCommand.class, PeerCommand.class, dev.icon.node.cli.topo.TopoCommand.class, dev.icon.node.cli.dns.DnsCommand.class, dev.icon.node.cli.market.MarketCommand.class, dev.icon.node.cli.node.NodeCommand.class, dev.icon.node.cli.status.StatusCommand.class, CommandLine.HelpCommand.class})
public final class IconCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    // A bare "icon" is a usage question: show what there is.
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
