package dev.icon.node.cli.topo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code icon topo show}: renders a map file as DOT, or as SVG/PNG through Graphviz's {@code dot}.
 *
 * <p>Exit codes: 0 rendered, 1 Graphviz missing or failed, 2 bad usage or a bad map file.
 */
@Command(name = "show", sortOptions = false, mixinStandardHelpOptions = true,
    description = "Render a topology map file (from 'topo discover --map-out') as dot, svg or png.")
public final class TopoShowCommand implements Callable<Integer> {

  enum Format { dot, svg, png }

  @Spec CommandSpec spec;

  @Option(names = "--map", paramLabel = "FILE", required = true, description = "The map file.")
  Path map;

  @Option(names = "--format", paramLabel = "dot|svg|png", defaultValue = "dot",
      description = "Output format (default: ${DEFAULT-VALUE}); svg and png need Graphviz.")
  Format format;

  @Option(names = "--output", paramLabel = "FILE",
      description = "Write here instead of stdout (required for png).")
  Path output;

  @Option(names = "--dot", paramLabel = "PATH", defaultValue = "dot",
      description = "The Graphviz executable (default: ${DEFAULT-VALUE}).")
  String dot;

  @Override
  public Integer call() throws IOException, InterruptedException {
    String dotText;
    try {
      dotText = MapDot.render(MapJson.read(Files.readString(map)));
    } catch (IOException | IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--map " + map + ": " + e.getMessage(), e);
    }
    if (format == Format.png && output == null) {
      throw new ParameterException(spec.commandLine(), "--format png needs --output FILE");
    }
    byte[] bytes = format == Format.dot ? dotText.getBytes(StandardCharsets.UTF_8)
        : graphviz(dotText);
    if (bytes == null) {
      return 1;
    }
    if (output != null) {
      Files.write(output, bytes);
    } else {
      spec.commandLine().getOut().print(new String(bytes, StandardCharsets.UTF_8));
      spec.commandLine().getOut().flush();
    }
    return 0;
  }

  private byte[] graphviz(String dotText) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(List.of(dot, "-T" + format.name()))
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      spec.commandLine().getErr().println("icon topo show: Graphviz '" + dot
          + "' not found (install graphviz, or use --format dot): " + e.getMessage());
      return null;
    }
    try (var in = p.getOutputStream()) {
      in.write(dotText.getBytes(StandardCharsets.UTF_8));
    }
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      spec.commandLine().getErr().println("icon topo show: '" + dot + " -T" + format
          + "' failed");
      return null;
    }
    return out;
  }
}
