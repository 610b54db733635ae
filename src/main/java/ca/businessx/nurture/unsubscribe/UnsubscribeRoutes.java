package ca.businessx.nurture.unsubscribe;

import ca.businessx.nurture.contact.Language;
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
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unsubscribe pages. GET only shows a button, because link scanners fetch every URL in an
 * email; POST (the button, or a mailbox's RFC 8058 one-click request) unsubscribes at once. Each
 * page is in the lead's language; a link that names no lead is answered in the browser's.
 */
public final class UnsubscribeRoutes {
  private static final Logger log = LoggerFactory.getLogger(UnsubscribeRoutes.class);

  private final UnsubscribeLinks links;
  private final ContactSuppressor suppressor;
  private final String senderName;
  private final Function<String, Language> languageOf;
  private final Map<Language, Template> confirm = pages("confirm");
  private final Map<Language, Template> done = pages("done");
  private final Map<Language, Template> invalid = pages("invalid");

  public UnsubscribeRoutes(
      UnsubscribeLinks links, ContactSuppressor suppressor, String senderName) {
    this(links, suppressor, senderName, id -> Language.EN);
  }

  /**
   * @param languageOf the language of a contact by its id
   */
  public UnsubscribeRoutes(
      UnsubscribeLinks links,
      ContactSuppressor suppressor,
      String senderName,
      Function<String, Language> languageOf) {
    this.links = links;
    this.suppressor = suppressor;
    this.senderName = senderName;
    this.languageOf = languageOf;
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
        confirm.get(languageOf.apply(contact.get())),
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
    html(ctx, 200, done.get(languageOf.apply(contact.get())), Map.of("sender_name", senderName));
  }

  private void refuse(Context ctx) {
    String accept = ctx.header("Accept-Language");
    Language language =
        accept != null && accept.trim().toLowerCase(java.util.Locale.ROOT).startsWith("fr")
            ? Language.FR
            : Language.EN;
    html(ctx, 404, invalid.get(language), Map.of("sender_name", senderName));
  }

  private static void html(Context ctx, int status, Template template, Map<String, Object> model) {
    ctx.status(status).contentType("text/html; charset=utf-8").result(template.execute(model));
  }

  private static Map<Language, Template> pages(String name) {
    Map<Language, Template> pages = new EnumMap<>(Language.class);
    pages.put(Language.EN, page("unsubscribe-" + name));
    pages.put(Language.FR, page("unsubscribe-" + name + ".fr"));
    return pages;
  }

  private static Template page(String name) {
    try (InputStream in =
        UnsubscribeRoutes.class.getResourceAsStream("/pages/" + name + ".mustache")) {
      return Mustache.compiler().compile(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
