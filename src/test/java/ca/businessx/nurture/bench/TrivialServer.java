package ca.businessx.nurture.bench;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The machine's trivial start-up: a JVM that answers {@code /health} with 200 from the JDK's own
 * server. Started beside the service, it measures how fast this machine starts any JVM right now,
 * so a start-up time can be read as a ratio rather than an absolute that load changes threefold.
 */
public final class TrivialServer {
  private TrivialServer() {}

  public static void main(String[] args) throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 0);
    byte[] ok = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
    server.createContext(
        "/health",
        ex -> {
          ex.sendResponseHeaders(200, ok.length);
          ex.getResponseBody().write(ok);
          ex.close();
        });
    server.start();
  }
}
