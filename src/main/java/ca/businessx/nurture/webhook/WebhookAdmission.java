package ca.businessx.nurture.webhook;

import io.javalin.config.JavalinConfig;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Keeps slow webhook bodies from piling up in the server (each one holds a connection, a request
 * and the thread that reads it, virtual or not). In front of Javalin, in Jetty itself: at most
 * {@code maxConcurrent} webhook requests are handled at once (the next gets 503 with {@code
 * Retry-After} before a thread waits on its body); each body must arrive within {@code
 * readTimeout}, after which reads fail with a {@link TimeoutException} (answered 408 by {@link
 * RequestBody}); and every body must keep up {@link #MIN_BYTES_PER_SECOND} (Jetty's {@link
 * MinimumDataRateHandler}). Health, admin and unsubscribe requests never queue behind webhooks.
 */
public final class WebhookAdmission extends Handler.Wrapper {
  /** A form or JSON lead is a few hundred bytes; a real client sends it in one packet. */
  static final long MIN_BYTES_PER_SECOND = 256;

  private static final byte[] BUSY =
      ("{\"error\":\"busy\",\"message\":\"too many webhook requests are being read right now;"
              + " retry after 1 s\"}")
          .getBytes(StandardCharsets.UTF_8);

  private final Duration readTimeout;
  private final int maxConcurrent;
  private final AtomicInteger inFlight = new AtomicInteger();

  public WebhookAdmission(Duration readTimeout, int maxConcurrent) {
    this.readTimeout = readTimeout;
    this.maxConcurrent = maxConcurrent;
  }

  public void register(JavalinConfig cfg) {
    cfg.jetty.modifyServer(
        server -> {
          // insertHandler puts each right below the server: the admission ends up outermost.
          server.insertHandler(new MinimumDataRateHandler(MIN_BYTES_PER_SECOND, 0));
          server.insertHandler(this);
        });
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!"POST".equals(request.getMethod())
        || !Request.getPathInContext(request).startsWith("/webhook/")) {
      return super.handle(request, response, callback);
    }
    if (inFlight.incrementAndGet() > maxConcurrent) {
      inFlight.decrementAndGet();
      response.setStatus(503);
      response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
      response.write(true, ByteBuffer.wrap(BUSY), callback);
      return true;
    }
    Deadline deadline = new Deadline(request);
    Scheduler.Task task =
        request
            .getComponents()
            .getScheduler()
            .schedule(deadline::expire, readTimeout.toMillis(), TimeUnit.MILLISECONDS);
    AtomicBoolean released = new AtomicBoolean();
    Runnable release =
        () -> {
          if (released.compareAndSet(false, true)) {
            task.cancel();
            inFlight.decrementAndGet();
          }
        };
    boolean handled = false;
    try {
      handled = super.handle(deadline, response, Callback.from(callback, release));
      return handled;
    } finally {
      if (!handled) {
        release.run();
      }
    }
  }

  /** The request, whose reads fail once the body is late. */
  private final class Deadline extends Request.Wrapper {
    private final AtomicReference<Runnable> waiting = new AtomicReference<>();
    private volatile boolean expired;
    private volatile boolean complete;

    Deadline(Request request) {
      super(request);
    }

    @Override
    public Content.Chunk read() {
      if (expired) {
        return Content.Chunk.from(
            new TimeoutException("the body did not arrive within " + readTimeout), true);
      }
      Content.Chunk chunk = super.read();
      if (chunk != null && chunk.isLast()) {
        complete = true;
      }
      return chunk;
    }

    @Override
    public void demand(Runnable onContent) {
      if (expired) {
        getContext().execute(onContent);
        return;
      }
      waiting.set(onContent);
      super.demand(
          () -> {
            Runnable r = waiting.getAndSet(null);
            if (r != null) {
              r.run();
            }
          });
    }

    void expire() {
      if (complete) {
        return;
      }
      expired = true;
      Runnable r = waiting.getAndSet(null);
      if (r != null) {
        getContext().execute(r);
      }
    }
  }
}
