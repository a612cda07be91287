package dev.icon.node.cli.topo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.icon.node.cli.IconMain;
import dev.icon.tomography.map.MapConfig;
import dev.icon.tomography.map.MapSnapshot;
import dev.icon.tomography.map.NodeKind;
import dev.icon.tomography.map.TopologyMap;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** The map file format and {@code topo show --format dot} (Graphviz formats run in the IT). */
class MapFilesTest {

  @TempDir Path dir;

  private static MapSnapshot sample() {
    TopologyMap m = new TopologyMap(MapConfig.defaults(), Clock.systemUTC());
    m.observe("self", NodeKind.HOST, "10.1.0.2", NodeKind.ROUTER, 1.5, "local",
        Clock.systemUTC().instant());
    m.observe("10.1.0.2", NodeKind.ROUTER, "10.3.0.2", NodeKind.HOST, 40, "local",
        Clock.systemUTC().instant());
    return m.snapshot();
  }

  @Test
  void aMapSurvivesTheFileFormat() {
    MapSnapshot map = sample();

    assertThat(MapJson.read(MapJson.write(map).toString())).isEqualTo(map);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "not json                                              | not JSON",
      "{}                                                    | needs arrays",
      "{\"nodes\":[{\"id\":\"a\",\"kind\":\"spaceship\"}],\"edges\":[]} | nodes[0]",
      "{\"nodes\":[],\"edges\":[{\"a\":\"x\",\"b\":\"x\"}]}  | edges[0]",
      "{\"nodes\":[],\"edges\":[{\"a\":\"x\",\"b\":\"y\",\"rtt_ms\":{\"count\":1,\"min\":-3,\"mean\":1,\"max\":1},\"last_seen\":\"2026-01-01T00:00:00Z\",\"observer\":\"o\"}]} | edges[0]",
  })
  void aBadMapFileIsRefusedNamingThePlace(String text, String message) {
    assertThatThrownBy(() -> MapJson.read(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void showRendersDotWithShapesAndRttLabels() throws Exception {
    Path file = dir.resolve("map.json");
    Files.writeString(file, MapJson.write(sample()).toString());
    StringWriter out = new StringWriter();
    CommandLine cli = IconMain.newCommandLine();
    cli.setOut(new PrintWriter(out, true));

    assertThat(cli.execute("topo", "show", "--map", file.toString())).isZero();
    assertThat(out.toString()).startsWith("graph topology {")
        .contains("\"10.1.0.2\" [shape=ellipse]", "\"self\" [shape=box]",
            "\"10.1.0.2\" -- \"self\" [label=\"1.5 ms\"]", "[label=\"40.0 ms\"]");
  }

  @Test
  void showOfABadFileIsBadUsage() throws Exception {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "[]");
    StringWriter err = new StringWriter();
    CommandLine cli = IconMain.newCommandLine();
    cli.setErr(new PrintWriter(err, true));

    assertThat(cli.execute("topo", "show", "--map", file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("needs arrays");
  }
}
