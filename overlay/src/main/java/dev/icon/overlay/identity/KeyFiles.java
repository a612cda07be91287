package dev.icon.overlay.identity;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's identity key file: one libp2p {@code PrivateKey} protobuf, as go/js-libp2p store it.
 *
 * <p>Policy (like OpenSSH): on POSIX file systems a new file is created with mode 0600 (its parent
 * directory, if created, 0700), and an existing file readable or writable by group or others is
 * refused with {@link IdentityError#KEY_FILE_PERMISSIONS} rather than merely warned about: such a
 * key may already be known to others, and the fix ({@code chmod 600}) is one command. On file
 * systems without POSIX permissions no check is possible and none is made.
 *
 * <p>Stateless; concurrent creators of the same path race benignly (the last rename wins, each
 * returns the key it wrote), so start one node per key file.
 */
public final class KeyFiles {

  private static final Logger LOG = LoggerFactory.getLogger(KeyFiles.class);
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private KeyFiles() {}

  /** Loads the key at {@code path}, or creates a new Ed25519 key there if the file is missing. */
  public static PrivateKey loadOrCreate(Path path) {
    return loadOrCreate(path, new SecureRandom());
  }

  /** As {@link #loadOrCreate(Path)}, generating a new key from {@code random}. */
  public static PrivateKey loadOrCreate(Path path, SecureRandom random) {
    if (Files.exists(path)) {
      return load(path);
    }
    PrivateKey key = PrivateKey.generateEd25519(random);
    write(path, key);
    LOG.info("created identity key file {} for peer {}", path, key.publicKey().peerId());
    return key;
  }

  /**
   * Loads an existing key file.
   *
   * @throws IdentityException if unreadable, too permissive, or not a valid Ed25519 key
   */
  public static PrivateKey load(Path path) {
    checkPermissions(path);
    try {
      long size = Files.size(path);
      if (size > PrivateKey.MAX_ENCODED_LENGTH) {
        throw new IdentityException(
            IdentityError.MALFORMED_KEY, "key file " + path + " is too large: " + size + " bytes");
      }
      return PrivateKey.fromProtobuf(Files.readAllBytes(path));
    } catch (IOException e) {
      throw new IdentityException(IdentityError.KEY_FILE_IO, "cannot read key file " + path, e);
    }
  }

  /** Writes {@code key} to {@code path} atomically (temp file, then rename), mode 0600. */
  public static void write(Path path, PrivateKey key) {
    Path absolute = path.toAbsolutePath();
    Path dir = absolute.getParent();
    try {
      boolean posix = Files.getFileStore(existingAncestor(dir))
          .supportsFileAttributeView(PosixFileAttributeView.class);
      if (!Files.isDirectory(dir)) {
        if (posix) {
          Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
              PosixFilePermissions.fromString("rwx------")));
        } else {
          Files.createDirectories(dir);
        }
      }
      FileAttribute<?>[] attrs = posix
          ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
          : new FileAttribute<?>[0];
      Path temp = Files.createTempFile(dir, ".key-", ".tmp", attrs);
      try {
        Files.write(temp, key.toProtobuf());
        moveIntoPlace(temp, absolute);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new IdentityException(IdentityError.KEY_FILE_IO, "cannot write key file " + path, e);
    }
  }

  private static void moveIntoPlace(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void checkPermissions(Path path) {
    try {
      PosixFileAttributeView view =
          Files.getFileAttributeView(path, PosixFileAttributeView.class);
      if (view == null) {
        return;
      }
      Set<PosixFilePermission> perms = view.readAttributes().permissions();
      Set<PosixFilePermission> extra = EnumSet.noneOf(PosixFilePermission.class);
      extra.addAll(perms);
      extra.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
          PosixFilePermission.OWNER_EXECUTE));
      if (!extra.isEmpty()) {
        throw new IdentityException(IdentityError.KEY_FILE_PERMISSIONS, "key file " + path
            + " has mode " + PosixFilePermissions.toString(perms)
            + ", open to group or others; run chmod 600 on it");
      }
    } catch (IOException e) {
      throw new IdentityException(IdentityError.KEY_FILE_IO, "cannot stat key file " + path, e);
    }
  }

  private static Path existingAncestor(Path dir) {
    Path p = dir;
    while (p != null && !Files.exists(p)) {
      p = p.getParent();
    }
    return p == null ? dir.getRoot() : p;
  }
}
