package dev.icon.node.ingress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Sends raw bytes over a real socket and reads until the server closes (or 5 s pass). */
final class RawHttp {

  private RawHttp() {}

  static String exchange(InetSocketAddress to, String request) throws IOException {
    try (Socket s = new Socket(to.getAddress(), to.getPort())) {
      s.setSoTimeout(5000);
      s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      s.getOutputStream().flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[4096];
      try {
        for (int n; (n = in.read(buf)) >= 0; ) {
          out.write(buf, 0, n);
        }
      } catch (java.net.SocketTimeoutException e) {
        // the answer so far
      }
      return out.toString(StandardCharsets.ISO_8859_1);
    }
  }
}
