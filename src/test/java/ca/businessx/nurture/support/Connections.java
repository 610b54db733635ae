package ca.businessx.nurture.support;

import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/** Network faults a Javalin fake can inflict on its client. */
public final class Connections {
  private Connections() {}

  /** Closes the TCP connection under the request without an answer, as a crashed proxy would. */
  public static void drop(Context ctx) {
    ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
    request.getConnectionMetaData().getConnection().getEndPoint().close();
  }

  /** Sleeps like a slow provider; an interrupted sleep just ends early. */
  public static void pause(java.time.Duration delay) {
    if (delay.isZero() || delay.isNegative()) {
      return;
    }
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
