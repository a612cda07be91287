package dev.icon.node.runtime.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Packs a directory into a tar and unpacks one, refusing entries that would land outside the
 * target: absolute paths, {@code ..}, symbolic links that point out of it or files written through
 * a link. Regular files, directories and relative symbolic links only; the owner's execute bit is
 * kept. Stateless.
 */
final class TarArchives {

  private TarArchives() {}

  /** Writes {@code dir}'s contents (entries relative to it) to {@code out}, which stays open. */
  static void pack(Path dir, OutputStream out) throws IOException {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(new NonClosing(out));
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(dir)) {
      paths = walk.filter(p -> !p.equals(dir)).sorted().toList();
    }
    for (Path path : paths) {
      String name = dir.relativize(path).toString().replace('\\', '/');
      TarArchiveEntry entry;
      boolean regular = false;
      if (Files.isSymbolicLink(path)) {
        entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
        entry.setLinkName(Files.readSymbolicLink(path).toString());
      } else if (Files.isDirectory(path)) {
        entry = new TarArchiveEntry(name + "/");
        entry.setMode(0755 | 040000);
      } else {
        entry = new TarArchiveEntry(name);
        entry.setSize(Files.size(path));
        entry.setMode(Files.isExecutable(path) ? 0100755 : 0100644);
        regular = true;
      }
      tar.putArchiveEntry(entry);
      if (regular) {
        Files.copy(path, tar);
      }
      tar.closeArchiveEntry();
    }
    tar.finish();
    tar.close();
  }

  /**
   * Unpacks a tar from {@code in} into {@code dir} (created if missing).
   *
   * @throws IOException for a malformed tar or an entry that escapes {@code dir}, naming it
   */
  static void unpack(InputStream in, Path dir) throws IOException {
    Files.createDirectories(dir);
    Path root = dir.toRealPath();
    TarArchiveInputStream tar = new TarArchiveInputStream(new NonClosingInput(in));
    TarArchiveEntry entry;
    int count = 0;
    while ((entry = tar.getNextEntry()) != null) {
      count++;
      String name = entry.getName();
      Path target = root.resolve(name).normalize();
      if (name.startsWith("/") || !target.startsWith(root)) {
        throw new IOException("tar entry '" + name + "' points outside the directory");
      }
      if (target.equals(root)) {
        continue;
      }
      Path parent = target.getParent();
      Files.createDirectories(parent);
      if (!parent.toRealPath().startsWith(root)) {
        throw new IOException("tar entry '" + name + "' is written through a link out of the directory");
      }
      if (entry.isDirectory()) {
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectory(target);
        }
      } else if (entry.isSymbolicLink()) {
        Path link = Path.of(entry.getLinkName());
        if (link.isAbsolute() || !parent.resolve(link).normalize().startsWith(root)) {
          throw new IOException("tar entry '" + name + "' links outside the directory: " + link);
        }
        Files.deleteIfExists(target);
        Files.createSymbolicLink(target, link);
      } else if (entry.isFile() && !entry.isLink() && !entry.isSymbolicLink()) {
        if (Files.isSymbolicLink(target)) {
          throw new FileAlreadyExistsException(name, null, "tar entry would write through a link");
        }
        Files.copy(tar, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        if ((entry.getMode() & 0100) != 0) {
          Files.setPosixFilePermissions(target, Set.of(PosixFilePermission.OWNER_READ,
              PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
              PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
              PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE));
        }
      } else {
        throw new IOException("tar entry '" + name + "' has an unsupported type (only files, directories, symbolic links; no hard links or devices)");
      }
    }
    if (count == 0) {
      throw new IOException("not a tar, or an empty one");
    }
  }

  /** Lets {@link TarArchiveOutputStream#close()} finish the archive without closing the caller's stream. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

  private static final class NonClosingInput extends java.io.FilterInputStream {
    NonClosingInput(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }
}
