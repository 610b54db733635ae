package ca.businessx.nurture.link;

import ca.businessx.nurture.platform.Database;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /r/{token}}: records the click and answers 302 to the destination signed inside the
 * token. A token that does not verify gets 404 and goes nowhere: no destination is ever read from
 * the query string or anywhere else outside the signature. A click that cannot be recorded (the
 * database is down) still reaches its destination.
 */
public final class ClickRoutes {
  private static final Logger log = LoggerFactory.getLogger(ClickRoutes.class);

  private final Database db;
  private final TrackedLinks links;
  private final ClickRecorder clicks;
  private final Clock clock;

  public ClickRoutes(Database db, TrackedLinks links, ClickRecorder clicks, Clock clock) {
    this.db = db;
    this.links = links;
    this.clicks = clicks;
    this.clock = clock;
  }

  public void register(JavalinConfig cfg) {
    cfg.routes.get("/r/{token}", this::follow);
  }

  private void follow(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    ctx.header("Referrer-Policy", "no-referrer");
    Optional<LinkTarget> target =
        links.verify(ctx.pathParam("token")).filter(t -> isWeb(t.destination()));
    if (target.isEmpty()) {
      ctx.status(404).contentType("text/plain; charset=utf-8").result("This link is not valid.");
      return;
    }
    try {
      db.inTransaction(h -> clicks.redirected(h, target.get(), clock.instant()));
    } catch (RuntimeException e) {
      log.warn("could not record a click on link {}: {}", target.get().name(), e.toString());
    }
    ctx.status(302).header("Location", target.get().destination());
  }

  private static boolean isWeb(String url) {
    String u = url.toLowerCase(Locale.ROOT);
    return u.startsWith("https://") || u.startsWith("http://");
  }
}
