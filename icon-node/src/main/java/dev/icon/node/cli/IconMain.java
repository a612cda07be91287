package dev.icon.node.cli;

import picocli.CommandLine;

/** Process entry point of the {@code ./icon} launcher. */
public final class IconMain {

  private IconMain() {}

  /** Runs the command line and exits with its code (2 on bad usage, as picocli defines it). */
  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The configured command line, shared by {@link #main} and tests. */
  public static CommandLine newCommandLine() {
    return new CommandLine(new IconCommand());
  }
}
