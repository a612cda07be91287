package dev.icon.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * N ledger members, each a {@link LedgerMemberProcess}, on loopback ports picked free at run time
 * and data directories under one root. Members start in parallel (Raft needs a majority before
 * any of them is ready). Not thread-safe; {@link #close()} stops every member still running.
 */
final class LedgerCluster implements AutoCloseable {

  private final Path root;
  private final List<String> ids;
  private final String members;
  private final LedgerMemberProcess[] processes;

  LedgerCluster(Path root, int size) {
    this.root = root;
    this.ids = IntStream.rangeClosed(1, size).mapToObj(i -> "m" + i).toList();
    this.members = ids.stream().map(id -> id + "@127.0.0.1:" + freePort()).collect(Collectors.joining(","));
    this.processes = new LedgerMemberProcess[size];
  }

  /** Starts every member and waits until all are ready. */
  LedgerCluster start() {
    List<CompletableFuture<Void>> ready = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      processes[i] = LedgerMemberProcess.start(ids.get(i), dataDir(i), members);
      LedgerMemberProcess p = processes[i];
      ready.add(CompletableFuture.runAsync(p::awaitReady));
    }
    ready.forEach(CompletableFuture::join);
    return this;
  }

  /** Member {@code i} (0-based). */
  LedgerMemberProcess member(int i) {
    return processes[i];
  }

  int size() {
    return processes.length;
  }

  /** kill -9 member {@code i}. */
  void kill(int i) {
    processes[i].kill();
  }

  /** Starts member {@code i} again from its data directory and port; waits until it is ready. */
  LedgerMemberProcess restart(int i) {
    processes[i] = LedgerMemberProcess.start(ids.get(i), dataDir(i), members);
    processes[i].awaitReady();
    return processes[i];
  }

  private Path dataDir(int i) {
    return root.resolve(ids.get(i));
  }

  @Override
  public void close() {
    for (LedgerMemberProcess p : processes) {
      if (p != null) {
        p.kill();
      }
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
