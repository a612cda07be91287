package dev.icon.node.cli.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.icon.node.config.AdminSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code icon status}: asks a node's admin API for {@code /status} and shows it. */
@Command(name = "status", sortOptions = false,
    description = "Show a running node's status (peers, DHT, gossip, services, providers known, "
        + "agreements) from its admin API.",
    footer = {"", "Exit codes: 0 shown, 2 bad usage, 3 the node did not answer or refused "
        + "(wrong token)."})
public final class StatusCommand implements Callable<Integer> {

  static final int EXIT_OK = 0;
  static final int EXIT_NO_ANSWER = 3;

  @Spec CommandSpec spec;

  @Option(names = "--node", paramLabel = "HOST:PORT",
      defaultValue = "127.0.0.1:" + AdminSettings.DEFAULT_PORT,
      description = "The node's admin API (default ${DEFAULT-VALUE}).")
  String node;

  @Option(names = "--token", paramLabel = "T",
      description = "Bearer token (default: environment ICON_ADMIN_TOKEN, if set).")
  String token;

  @Option(names = "--json", description = "Print the /status JSON as the node sent it.")
  boolean json;

  @Option(names = "--timeout", paramLabel = "MS", defaultValue = "5000",
      description = "How long to wait for the node (default ${DEFAULT-VALUE}).")
  long timeoutMs;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Override
  public Integer call() throws Exception {
    URI uri = uri();
    String bearer = token != null ? token : System.getenv("ICON_ADMIN_TOKEN");
    HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(Duration.ofMillis(timeoutMs))
        .GET();
    if (bearer != null && !bearer.isEmpty()) {
      req.header("Authorization", "Bearer " + bearer);
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(timeoutMs))
        .build();
    HttpResponse<String> resp;
    try {
      resp = client.send(req.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      spec.commandLine().getErr().println("icon status: no answer from node at " + node + " ("
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
          + "); is it running, and is this its admin address?");
      return EXIT_NO_ANSWER;
    }
    if (resp.statusCode() == 401) {
      spec.commandLine().getErr().println("icon status: node at " + node
          + " refused: unauthorized (missing or wrong --token)");
      return EXIT_NO_ANSWER;
    }
    if (resp.statusCode() != 200) {
      spec.commandLine().getErr().println("icon status: node at " + node + " answered HTTP "
          + resp.statusCode());
      return EXIT_NO_ANSWER;
    }
    if (json) {
      spec.commandLine().getOut().println(resp.body());
    } else {
      JsonNode tree = new ObjectMapper().readTree(resp.body());
      spec.commandLine().getOut().print(StatusTable.render(tree));
    }
    spec.commandLine().getOut().flush();
    return EXIT_OK;
  }

  private URI uri() {
    int colon = node.lastIndexOf(':');
    if (colon <= 0 || colon == node.length() - 1) {
      throw new ParameterException(spec.commandLine(), "--node must be HOST:PORT, was '" + node
          + "'");
    }
    try {
      int port = Integer.parseInt(node.substring(colon + 1));
      String host = node.substring(0, colon);
      if (host.contains(":") && !host.startsWith("[")) {
        host = "[" + host + "]";
      }
      return URI.create("http://" + host + ":" + port + "/status");
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--node must be HOST:PORT, was '" + node
          + "'");
    }
  }
}
