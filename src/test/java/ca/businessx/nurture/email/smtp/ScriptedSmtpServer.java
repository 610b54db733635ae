package ca.businessx.nurture.email.smtp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal SMTP server that answers the greeting and RCPT TO with scripted replies, for the
 * failures GreenMail cannot produce (4xx greylisting, 5xx unknown user, a server going away).
 */
final class ScriptedSmtpServer implements AutoCloseable {
  private final ServerSocket socket;
  private final String greeting;
  private final String rcptReply;
  private volatile int messagesAccepted;

  ScriptedSmtpServer(String greeting, String rcptReply) throws IOException {
    this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    this.greeting = greeting;
    this.rcptReply = rcptReply;
    Thread.ofVirtual().start(this::serve);
  }

  int port() {
    return socket.getLocalPort();
  }

  int messagesAccepted() {
    return messagesAccepted;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        converse(client);
      } catch (IOException closedOrDropped) {
        // The next accept fails too once the server is closed, which ends the loop.
      }
    }
  }

  private void converse(Socket client) throws IOException {
    var in =
        new BufferedReader(
            new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
    var out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII);
    reply(out, greeting);
    if (!greeting.startsWith("220")) {
      return;
    }
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
      switch (command) {
        case "EHLO", "HELO" -> reply(out, "250 scripted.test");
        case "MAIL" -> reply(out, "250 2.1.0 OK");
        case "RCPT" -> reply(out, rcptReply);
        case "DATA" -> {
          reply(out, "354 go ahead");
          for (String body = in.readLine();
              body != null && !body.equals(".");
              body = in.readLine()) {
            // The content is not checked here; GreenMail tests cover it.
          }
          messagesAccepted++;
          reply(out, "250 2.0.0 queued");
        }
        case "QUIT" -> {
          reply(out, "221 bye");
          return;
        }
        default -> reply(out, "250 OK");
      }
    }
  }

  private static void reply(PrintWriter out, String line) {
    out.print(line + "\r\n");
    out.flush();
  }
}
