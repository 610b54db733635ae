package ca.businessx.nurture.unsubscribe;

import ca.businessx.nurture.consent.ResubscribeLinks;
import ca.businessx.nurture.consent.Resubscriptions;
import ca.businessx.nurture.platform.Database;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The link of a re-subscription confirmation email. GET only shows a button (link scanners fetch
 * every URL); POST, the person's click, lifts the unsubscribe.
 */
public final class ResubscribeRoutes {
  private static final Logger log = LoggerFactory.getLogger(ResubscribeRoutes.class);
  private final Database db;
  private final ResubscribeLinks links;
  private final Resubscriptions resubscriptions;
  private final String senderName;
  private final Clock clock;

  public ResubscribeRoutes(Database db, ResubscribeLinks links, String senderName, Clock clock) {
    this.db = db;
    this.links = links;
    this.resubscriptions = new Resubscriptions(null);
    this.senderName = senderName;
    this.clock = clock;
  }

  public void register(JavalinConfig cfg) {
    cfg.routes.get("/resubscribe/{token}", this::show);
    cfg.routes.post("/resubscribe/{token}", this::confirm);
  }

  private void show(Context ctx) {
    if (links.targetOf(ctx.pathParam("token")).isEmpty()) {
      page(ctx, 404, "This link is not valid.", false);
      return;
    }
    page(ctx, 200, "Receive emails from " + senderName + " again?", true);
  }

  private void confirm(Context ctx) {
    Optional<ResubscribeLinks.Target> target = links.targetOf(ctx.pathParam("token"));
    if (target.isEmpty()) {
      page(ctx, 404, "This link is not valid.", false);
      return;
    }
    Resubscriptions.Outcome outcome =
        db.inTransaction(
            h ->
                resubscriptions.confirm(
                    h,
                    target.get().contactId(),
                    target.get().requestId(),
                    ctx.req().getRemoteAddr(),
                    clock.instant()));
    log.info("re-subscription of contact {}: {}", target.get().contactId(), outcome);
    switch (outcome) {
      case RESUBSCRIBED, ALREADY_CONFIRMED ->
          page(ctx, 200, "Done: you will receive emails from " + senderName + " again.", false);
      case EXPIRED -> page(ctx, 410, "This link has expired; sign up again for a new one.", false);
      default -> page(ctx, 404, "This link is not valid.", false);
    }
  }

  private void page(Context ctx, int status, String message, boolean button) {
    String html =
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<meta name=\"robots\" content=\"noindex\"><title>Subscription</title></head>"
            + "<body style=\"font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto\">"
            + "<p>"
            + escape(message)
            + "</p>"
            + (button
                ? "<form method=\"post\"><button type=\"submit\">Yes, email me again</button></form>"
                : "")
            + "</body></html>";
    ctx.status(status).contentType("text/html; charset=utf-8").result(html);
    ctx.header("Cache-Control", "no-store");
    ctx.header("Referrer-Policy", "no-referrer");
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
