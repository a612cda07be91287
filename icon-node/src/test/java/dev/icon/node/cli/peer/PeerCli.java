package dev.icon.node.cli.peer;

import dev.icon.node.cli.IconMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs or parses {@code icon peer} arguments in tests of its option groups. */
final class PeerCli {

  private final StringWriter err = new StringWriter();

  /** Runs {@code icon peer ARGS}; only for arguments refused before the host starts. */
  int run(String... args) {
    CommandLine cli = IconMain.newCommandLine();
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 1];
    all[0] = "peer";
    System.arraycopy(args, 0, all, 1, args.length);
    return cli.execute(all);
  }

  /** What the runs so far printed on standard error. */
  String err() {
    return err.toString();
  }

  /** The command as picocli fills it from {@code args}, without running it. */
  static PeerCommand parse(String... args) {
    PeerCommand command = new PeerCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }
}
