package dev.icon.node.cli.dns;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code icon dns}: provider records in DNS (RFC 2136 dynamic update with TSIG). */
@Command(name = "dns", mixinStandardHelpOptions = true,
    description = "Register or unregister an edge provider in DNS (RFC 2136 update with TSIG).",
    subcommands = {DnsRegisterCommand.class, DnsUnregisterCommand.class})
public final class DnsCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
