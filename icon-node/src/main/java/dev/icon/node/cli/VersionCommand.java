package dev.icon.node.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code icon version}: the build's version, and with {@code --verbose} the Java runtime in use. */
@Command(name = "version", description = "Print the ICON version.")
final class VersionCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = {"-v", "--verbose"}, description = "Also print the Java runtime and OS.")
  boolean verbose;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    out.println("icon " + IconVersion.current());
    if (verbose) {
      out.println("java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")");
      out.println("os " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }
    out.flush();
    return 0;
  }
}
