package ca.businessx.nurture.unsubscribe;

import ca.businessx.nurture.email.UnsubscribeLinks;
import ca.businessx.nurture.platform.PageHeaders;
import ca.businessx.nurture.suppression.SuppressionReason;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unsubscribe pages. GET only shows a button, because link scanners fetch every URL in an
 * email; POST (the button, or a mailbox's RFC 8058 one-click request) unsubscribes at once.
 */
public final class UnsubscribeRoutes {
  private static final Logger log = LoggerFactory.getLogger(UnsubscribeRoutes.class);

  private final UnsubscribeLinks links;
  private final ContactSuppressor suppressor;
  private final String senderName;
  private final Template confirm = page("confirm");
  private final Template done = page("done");
  private final Template invalid = page("invalid");

  public UnsubscribeRoutes(
      UnsubscribeLinks links, ContactSuppressor suppressor, String senderName) {
    this.links = links;
    this.suppressor = suppressor;
    this.senderName = senderName;
  }

  public void register(JavalinConfig cfg) {
    cfg.routes.before("/unsubscribe/*", PageHeaders::unsubscribe);
    cfg.routes.get("/unsubscribe/{token}", this::show);
    cfg.routes.post("/unsubscribe/{token}", this::unsubscribe);
  }

  private void show(Context ctx) {
    Optional<String> contact = links.contactOf(ctx.pathParam("token"));
    if (contact.isEmpty()) {
      refuse(ctx);
      return;
    }
    html(
        ctx,
        200,
        confirm,
        Map.of("sender_name", senderName, "action", "/unsubscribe/" + ctx.pathParam("token")));
  }

  private void unsubscribe(Context ctx) {
    Optional<String> contact = links.contactOf(ctx.pathParam("token"));
    if (contact.isEmpty()
        || !suppressor.suppress(
            contact.get(),
            SuppressionReason.UNSUBSCRIBED,
            "List-Unsubscribe=One-Click".equals(ctx.formParam("List-Unsubscribe"))
                ? "one-click"
                : "link")) {
      refuse(ctx);
      return;
    }
    log.info("contact {} unsubscribed", contact.get());
    html(ctx, 200, done, Map.of("sender_name", senderName));
  }

  private void refuse(Context ctx) {
    html(ctx, 404, invalid, Map.of("sender_name", senderName));
  }

  private static void html(Context ctx, int status, Template template, Map<String, Object> model) {
    ctx.status(status).contentType("text/html; charset=utf-8").result(template.execute(model));
  }

  private static Template page(String name) {
    try (InputStream in =
        UnsubscribeRoutes.class.getResourceAsStream("/pages/unsubscribe-" + name + ".mustache")) {
      return Mustache.compiler().compile(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
