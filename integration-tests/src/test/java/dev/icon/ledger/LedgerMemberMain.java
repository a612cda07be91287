package dev.icon.ledger;

import dev.icon.market.ledger.AtomixLedger;
import dev.icon.market.ledger.Ledger;
import dev.icon.market.ledger.LedgerConfig;
import dev.icon.market.ledger.LedgerException;
import dev.icon.market.ledger.LedgerMember;
import dev.icon.market.ledger.LedgerReceipt;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One ledger member as its own JVM, for {@link LedgerMemberProcess}: opens an {@link AtomixLedger}
 * ({@code memberId dataDir member,member,...}), prints {@code READY}, then answers one command per
 * stdin line with one stdout line, {@code OK ...} or {@code ERR <LedgerError> <message>}:
 * {@code put ID HEX}, {@code get ID}, {@code receipt ID AMOUNT HEX}, {@code getreceipt ID},
 * {@code grant ACCOUNT N}, {@code spend ACCOUNT N}, {@code budget ACCOUNT}, {@code leader},
 * {@code spendmany ACCOUNT N COUNT THREADS} (answers {@code OK spent failed unknown}), {@code quit}.
 * Killed with SIGKILL by the tests; nothing here runs at exit.
 */
public final class LedgerMemberMain {

  private LedgerMemberMain() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    List<LedgerMember> members = Arrays.stream(args[2].split(",")).map(LedgerMember::parse).toList();
    LedgerConfig config = LedgerConfig.builder()
        .memberId(args[0])
        .dataDirectory(Path.of(args[1]))
        .members(members)
        .build();
    try (AtomixLedger ledger = AtomixLedger.open(config)) {
      out.println("READY");
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
        String answer;
        try {
          answer = "OK " + execute(ledger, line.split(" "));
        } catch (LedgerException e) {
          answer = "ERR " + e.error() + " " + e.getMessage().replace('\n', ' ');
        } catch (RuntimeException e) {
          answer = "ERR BAD_COMMAND " + e;
        }
        out.println(answer);
      }
    }
    System.exit(0);
  }

  private static String execute(AtomixLedger ledger, String[] c) throws Exception {
    HexFormat hex = HexFormat.of();
    return switch (c[0]) {
      case "put" -> String.valueOf(ledger.putAgreement(c[1], hex.parseHex(c[2])));
      case "get" -> ledger.agreement(c[1]).map(hex::formatHex).orElse("NONE");
      case "receipt" -> String.valueOf(ledger.recordReceipt(c[1], Long.parseLong(c[2]), hex.parseHex(c[3])).cumulativeAmount());
      case "getreceipt" -> ledger.receipt(c[1])
          .map((LedgerReceipt r) -> r.cumulativeAmount() + " " + hex.formatHex(r.signedReceipt())).orElse("NONE");
      case "grant" -> String.valueOf(ledger.grant(c[1], Long.parseLong(c[2])));
      case "spend" -> String.valueOf(ledger.spend(c[1], Long.parseLong(c[2])));
      case "budget" -> String.valueOf(ledger.budget(c[1]));
      case "leader" -> ledger.partitionLeaders().isEmpty() ? "NONE" : ledger.partitionLeaders().get(0);
      case "spendmany" -> spendMany(ledger, c[1], Long.parseLong(c[2]), Integer.parseInt(c[3]), Integer.parseInt(c[4]));
      default -> throw new IllegalArgumentException("unknown command " + c[0]);
    };
  }

  /** COUNT spends of N from THREADS threads: how many succeeded, were refused, had an unknown outcome. */
  private static String spendMany(Ledger ledger, String account, long amount, int count, int threads) throws Exception {
    AtomicLong spent = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    AtomicLong unknown = new AtomicLong();
    AtomicLong left = new AtomicLong(count);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          while (left.getAndDecrement() > 0) {
            try {
              (ledger.spend(account, amount) ? spent : refused).incrementAndGet();
            } catch (LedgerException e) {
              unknown.incrementAndGet();
            }
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return spent + " " + refused + " " + unknown;
  }
}
