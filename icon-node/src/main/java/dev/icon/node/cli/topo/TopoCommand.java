package dev.icon.node.cli.topo;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code icon topo}: network tomography (on-path discovery of edge providers, map rendering). */
@Command(name = "topo", mixinStandardHelpOptions = true,
    description = "Network tomography: discover edge providers on the paths to targets, render maps.",
    subcommands = {TopoDiscoverCommand.class, TopoShowCommand.class})
public final class TopoCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
