package dev.icon.node.cli.dns;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import org.xbill.DNS.Name;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code icon dns unregister}: removes the SRV and TXT records at {@code <label>.<name>}.
 *
 * <p>Exit codes: 0 applied, 1 the server refused or did not answer (reason on stderr), 2 bad usage.
 */
@Command(name = "unregister", sortOptions = false, mixinStandardHelpOptions = true,
    description = "Remove the SRV and TXT records at <label>.<name>.")
public final class DnsUnregisterCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin UpdateOptions update;

  @Override
  public Integer call() {
    Name service;
    try {
      service = update.serviceName();
      update.updater().unregister(update.zoneName(), service).join();
    } catch (CompletionException e) {
      spec.commandLine().getErr().println("icon dns unregister: " + e.getCause().getMessage());
      return 1;
    } catch (RuntimeException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    spec.commandLine().getOut().println("unregistered " + service);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
