package dev.icon.node.runtime.process;

import static dev.icon.node.runtime.ContainerRuntimeError.IMAGE_IMPORT_FAILED;
import static dev.icon.node.runtime.ContainerRuntimeError.NOT_FOUND;

import dev.icon.node.runtime.ContainerRuntimeException;
import dev.icon.node.runtime.ImageRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process runtime's images: each imported root file system tar unpacked once into
 * {@code <dir>/<sha256>/} (the sha256 of the tar stream). Thread-safe.
 */
final class ImageStore {

  private static final Logger LOG = LoggerFactory.getLogger(ImageStore.class);

  private final Path dir;
  private final Map<String, ImageRef> images = new ConcurrentHashMap<>();
  private final AtomicLong imports = new AtomicLong();

  ImageStore(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir);
  }

  /** Unpacks the tar (into a temporary directory first, so a bad tar leaves nothing). */
  ImageRef importImage(String name, InputStream rootfsTar) {
    Path tmp = dir.resolve(".import-" + imports.incrementAndGet());
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      DigestInputStream in = new DigestInputStream(rootfsTar, sha);
      TarArchives.unpack(in, tmp);
      in.transferTo(OutputStream.nullOutputStream()); // the digest covers the whole stream
      ImageRef ref = new ImageRef(name, HexFormat.of().formatHex(sha.digest()));
      Path target = dir(ref);
      if (Files.isDirectory(target)) {
        deleteTree(tmp); // the same image again: keep the first copy
      } else {
        Files.move(tmp, target);
      }
      images.put(ref.sha256(), ref);
      return ref;
    } catch (IOException | RuntimeException e) {
      deleteTree(tmp);
      throw new ContainerRuntimeException(IMAGE_IMPORT_FAILED, "image '" + name + "': " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  boolean contains(ImageRef image) {
    return images.containsKey(image.sha256());
  }

  void remove(ImageRef image) {
    if (images.remove(image.sha256()) == null) {
      throw new ContainerRuntimeException(NOT_FOUND, "image " + image.name() + " (" + image.sha256() + ")");
    }
    deleteTree(dir(image));
  }

  /** Where {@code image} is unpacked. */
  Path dir(ImageRef image) {
    return dir.resolve(image.sha256());
  }

  /** Deletes a directory tree, logging what it could not delete; links are not followed. */
  static void deleteTree(Path root) {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          LOG.warn("could not delete {}: {}", p, e.getMessage());
        }
      });
    } catch (IOException e) {
      LOG.warn("could not delete {}: {}", root, e.getMessage());
    }
  }
}
