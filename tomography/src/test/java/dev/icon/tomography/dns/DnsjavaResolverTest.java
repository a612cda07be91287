package dev.icon.tomography.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The resolver against in-process UDP servers on loopback (port 0) that answer as told. */
class DnsjavaResolverTest {

  /** A UDP DNS server on 127.0.0.1 answering with a function of the query (null: stay silent). */
  private static final class UdpServer implements AutoCloseable {
    final DatagramSocket socket;
    final AtomicInteger queries = new AtomicInteger();
    private final Thread thread;

    UdpServer(UnaryOperator<Message> answer) throws SocketException {
      socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      thread = new Thread(() -> {
        byte[] buf = new byte[1500];
        while (!socket.isClosed()) {
          try {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            socket.receive(p);
            queries.incrementAndGet();
            Message reply = answer.apply(new Message(java.util.Arrays.copyOf(buf, p.getLength())));
            if (reply != null) {
              byte[] out = reply.toWire();
              socket.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
            }
          } catch (IOException e) {
            return;
          }
        }
      }, "fake-dns");
      thread.setDaemon(true);
      thread.start();
    }

    InetSocketAddress address() {
      return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public void close() {
      socket.close();
    }
  }

  private final List<UdpServer> servers = new java.util.ArrayList<>();

  @AfterEach
  void closeServers() {
    servers.forEach(UdpServer::close);
  }

  @Test
  void aSilentServerTimesOutAfterEveryRetry() throws Exception {
    UdpServer silent = server(q -> null);
    DnsjavaResolver r = new DnsjavaResolver(config(List.of(silent), 2));

    DnsAnswer a = r.query(Name.fromString("e.example."), Type.A).get(10, TimeUnit.SECONDS);

    assertThat(a.status()).isEqualTo(DnsStatus.TIMEOUT);
    assertThat(silent.queries.get()).isEqualTo(3);
  }

  @Test
  void movesOnToTheNextServerAfterServfail() throws Exception {
    UdpServer failing = server(q -> reply(q, Rcode.SERVFAIL));
    UdpServer good = server(q -> {
      Message m = reply(q, Rcode.NOERROR);
      m.addRecord(new ARecord(q.getQuestion().getName(), DClass.IN, 60,
          InetAddress.getLoopbackAddress()), Section.ANSWER);
      return m;
    });
    DnsjavaResolver r = new DnsjavaResolver(config(List.of(failing, good), 0));

    DnsAnswer a = r.query(Name.fromString("e.example."), Type.A).get(10, TimeUnit.SECONDS);

    assertThat(a.status()).isEqualTo(DnsStatus.OK);
    assertThat(a.records()).hasSize(1);
    assertThat(failing.queries.get()).isEqualTo(1);
  }

  @Test
  void nxdomainIsFinalAndNotRetried() throws Exception {
    UdpServer nx = server(q -> reply(q, Rcode.NXDOMAIN));
    UdpServer other = server(q -> reply(q, Rcode.NOERROR));
    DnsjavaResolver r = new DnsjavaResolver(config(List.of(nx, other), 3));

    DnsAnswer a = r.query(Name.fromString("e.example."), Type.A).get(10, TimeUnit.SECONDS);

    assertThat(a.status()).isEqualTo(DnsStatus.NXDOMAIN);
    assertThat(nx.queries.get() + other.queries.get()).isEqualTo(1);
  }

  @Test
  void aServfailEverywhereIsReportedAsServfail() throws Exception {
    UdpServer failing = server(q -> reply(q, Rcode.SERVFAIL));
    DnsjavaResolver r = new DnsjavaResolver(config(List.of(failing), 1));

    DnsAnswer a = r.query(Name.fromString("e.example."), Type.A).get(10, TimeUnit.SECONDS);

    assertThat(a.status()).isEqualTo(DnsStatus.SERVFAIL);
    assertThat(failing.queries.get()).isEqualTo(2);
  }

  private UdpServer server(UnaryOperator<Message> answer) throws SocketException {
    UdpServer s = new UdpServer(answer);
    servers.add(s);
    return s;
  }

  private static DnsConfig config(List<UdpServer> servers, int retries) {
    return DnsConfig.builder(servers.stream().map(UdpServer::address).toList())
        .timeout(Duration.ofMillis(200)).retries(retries).build();
  }

  private static Message reply(Message query, int rcode) {
    Message m = new Message(query.getHeader().getID());
    m.getHeader().setFlag(Flags.QR);
    m.getHeader().setRcode(rcode);
    m.addRecord(query.getQuestion(), Section.QUESTION);
    return m;
  }
}
