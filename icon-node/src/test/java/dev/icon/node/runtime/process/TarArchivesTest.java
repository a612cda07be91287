package dev.icon.node.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packing and the unpacking guards against archives that escape their directory. */
class TarArchivesTest {

  @TempDir Path tmp;

  @Test
  void packAndUnpackRoundTripFilesLinksAndTheExecuteBit() throws IOException {
    Path src = Files.createDirectories(tmp.resolve("src/sub"));
    Files.writeString(src.resolve("data"), "42\n");
    Path script = Files.writeString(tmp.resolve("src/run"), "#!/bin/sh\n");
    script.toFile().setExecutable(true);
    Files.createSymbolicLink(tmp.resolve("src/link"), Path.of("run"));
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    TarArchives.pack(tmp.resolve("src"), tar);

    Path dst = tmp.resolve("dst");
    TarArchives.unpack(new ByteArrayInputStream(tar.toByteArray()), dst);
    assertThat(Files.readString(dst.resolve("sub/data"))).isEqualTo("42\n");
    assertThat(Files.isExecutable(dst.resolve("run"))).isTrue();
    assertThat(Files.readSymbolicLink(dst.resolve("link"))).isEqualTo(Path.of("run"));
  }

  @Test
  void entriesOutsideTheDirectoryAreRefusedWithTheirName() throws IOException {
    assertRefused(tar(file("../escape", "x")), "../escape");
    assertRefused(tar(file("/etc/evil", "x")), "/etc/evil");
    assertRefused(tar(link("out", "../../"), file("out/evil", "x")), "out");
    assertRefused(tar(link("abs", "/etc/passwd")), "abs");
    assertThat(Files.exists(tmp.resolve("escape"))).isFalse();
  }

  @Test
  void garbageAndEmptyInputAreNotATar() {
    assertThatThrownBy(() -> TarArchives.unpack(new ByteArrayInputStream(new byte[0]), tmp.resolve("d")))
        .isInstanceOf(IOException.class);
    byte[] junk = "definitely not a tar archive".repeat(40).getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> TarArchives.unpack(new ByteArrayInputStream(junk), tmp.resolve("d")))
        .isInstanceOf(IOException.class);
  }

  private void assertRefused(byte[] tar, String name) {
    assertThatThrownBy(() -> TarArchives.unpack(new ByteArrayInputStream(tar), tmp.resolve("t" + tar.length)))
        .isInstanceOf(IOException.class).hasMessageContaining(name);
  }

  private record Item(TarArchiveEntry entry, byte[] data) {}

  private static Item file(String name, String content) {
    byte[] data = content.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry e = new TarArchiveEntry(name, true);
    e.setSize(data.length);
    return new Item(e, data);
  }

  private static Item link(String name, String target) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
    e.setLinkName(target);
    return new Item(e, null);
  }

  private static byte[] tar(Item... items) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      for (Item item : items) {
        tar.putArchiveEntry(item.entry());
        if (item.data() != null) {
          tar.write(item.data());
        }
        tar.closeArchiveEntry();
      }
    }
    return out.toByteArray();
  }
}
