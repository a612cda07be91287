package dev.icon.overlay.identity;

import static dev.icon.overlay.identity.SpecVectors.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {

  @TempDir Path dir;

  @BeforeEach
  void requirePosix() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
  }

  @Test
  void missingFileIsCreatedOwnerOnlyAndLoadsBackTheSameKey() throws Exception {
    Path file = dir.resolve("keys/identity.key");

    PrivateKey created = KeyFiles.loadOrCreate(file, PrivateKeyTest.seeded(1));
    PrivateKey loaded = KeyFiles.loadOrCreate(file);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    assertThat(loaded.publicKey()).isEqualTo(created.publicKey());
    assertThat(Files.readAllBytes(file)).isEqualTo(created.toProtobuf());
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file); // no temp file left behind
    }
  }

  @Test
  void keyFileWrittenByOtherImplementationsLoads() throws Exception {
    Path file = dir.resolve("go.key");
    Files.write(file, bytes(SpecVectors.ED25519_PRIVATE));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

    assertThat(KeyFiles.loadOrCreate(file).publicKey().peerId().toBase58())
        .isEqualTo(SpecVectors.ED25519_PEER);
  }

  @Test
  void fileOpenToGroupOrOthersIsRefused() throws Exception {
    Path file = dir.resolve("loose.key");
    Files.write(file, bytes(SpecVectors.ED25519_PRIVATE));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> KeyFiles.loadOrCreate(file))
        .isInstanceOfSatisfying(IdentityException.class,
            e -> assertThat(e.error()).isEqualTo(IdentityError.KEY_FILE_PERMISSIONS))
        .hasMessageContaining("chmod 600");
  }

  @Test
  void fileWithNoPermissionBitsIsNotRefusedForPermissions() throws Exception {
    Path file = dir.resolve("locked.key");
    Files.write(file, bytes(SpecVectors.ED25519_PRIVATE));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));

    try {
      assertThat(KeyFiles.load(file).publicKey().peerId().toBase58())
          .isEqualTo(SpecVectors.ED25519_PEER); // root reads it anyway
    } catch (IdentityException e) {
      assertThat(e.error()).isEqualTo(IdentityError.KEY_FILE_IO); // others cannot
    }
  }

  @Test
  void corruptFileIsRejectedAsMalformed() throws Exception {
    Path file = dir.resolve("corrupt.key");
    Files.write(file, new byte[] {1, 2, 3});
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

    assertThatThrownBy(() -> KeyFiles.loadOrCreate(file))
        .isInstanceOfSatisfying(IdentityException.class,
            e -> assertThat(e.error()).isEqualTo(IdentityError.MALFORMED_KEY));
  }
}
