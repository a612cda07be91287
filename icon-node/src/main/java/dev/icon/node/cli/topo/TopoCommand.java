package dev.icon.node.cli.topo;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code icon topo}: network tomography (on-path discovery of edge providers). */
@Command(name = "topo", mixinStandardHelpOptions = true,
    description = "Network tomography: discover edge providers on the paths to targets.",
    subcommands = {TopoDiscoverCommand.class, TopoShowCommand.class})
public final class TopoCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
