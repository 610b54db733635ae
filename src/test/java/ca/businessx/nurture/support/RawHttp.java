package ca.businessx.nurture.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 written by hand, for what the JDK client will not send: a forged {@code Host}, a
 * malformed path, oversized headers. Answers the whole response as text.
 */
public final class RawHttp {
  private RawHttp() {}

  public record Response(int status, String head, String body) {}

  /** Sends {@code requestHead} (request line and headers, no blank line) and reads to the end. */
  public static Response send(int port, String requestHead) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(
          (requestHead + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int split = text.indexOf("\r\n\r\n");
      String head = split < 0 ? text : text.substring(0, split);
      String body = split < 0 ? "" : text.substring(split + 4);
      int status = Integer.parseInt(head.substring(9, 12));
      return new Response(status, head, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Response get(int port, String path, String host, String... headers) {
    StringBuilder b = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: " + host);
    for (String h : headers) {
      b.append("\r\n").append(h);
    }
    return send(port, b.toString());
  }
}
