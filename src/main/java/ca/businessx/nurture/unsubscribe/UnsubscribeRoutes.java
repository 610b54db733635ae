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
 * The unsubscribe link's pages. GET only shows the lead's choices (pause 30 days, the other
 * language, stop this sequence, or unsubscribe from everything), because link scanners fetch every
 * URL in an email; POST to the link itself (the last button, or a mailbox's RFC 8058 one-click
 * request) unsubscribes from everything at once; the other choices post to {@code
 * /unsubscribe/{token}/choose} under the same signed token. Each page is in the lead's language; a
 * link that names no lead is answered in the browser's.
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
  private final Map<Language, Template> chosen = pages("choice");
  private final LeadPreferences preferences;

  /**
   * @param languageOf the language of a contact by its id
   */
  public UnsubscribeRoutes(
      UnsubscribeLinks links,
      ContactSuppressor suppressor,
      LeadPreferences preferences,
      String senderName,
      Function<String, Language> languageOf) {
    this.preferences = preferences;
    this.links = links;
    this.suppressor = suppressor;
    this.senderName = senderName;
    this.languageOf = languageOf;
  }

  public void register(JavalinConfig cfg) {
    cfg.routes.before("/unsubscribe/*", PageHeaders::unsubscribe);
    cfg.routes.get("/unsubscribe/{token}", this::show);
    cfg.routes.post("/unsubscribe/{token}", this::unsubscribe);
    cfg.routes.post("/unsubscribe/{token}/choose", this::choose);
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
        Map.of(
            "sender_name",
            senderName,
            "action",
            "/unsubscribe/" + ctx.pathParam("token"),
            "choose",
            "/unsubscribe/" + ctx.pathParam("token") + "/choose"));
  }

  private void choose(Context ctx) {
    Optional<String> contact = links.contactOf(ctx.pathParam("token"));
    if (contact.isEmpty()) {
      refuse(ctx);
      return;
    }
    String id = contact.get();
    String choice = String.valueOf(ctx.formParam("choice"));
    LeadPreferences.Outcome outcome;
    Language after;
    switch (choice) {
      case "pause" -> {
        outcome = preferences.pause(id);
        after = languageOf.apply(id);
      }
      case "stop" -> {
        outcome = preferences.stopSequence(id);
        after = languageOf.apply(id);
      }
      case "language" -> {
        Optional<Language> wanted = Language.ofCode(String.valueOf(ctx.formParam("language")));
        if (wanted.isEmpty()) {
          ctx.status(400).result("language must be en or fr");
          return;
        }
        outcome = preferences.language(id, wanted.get());
        after = wanted.get();
      }
      default -> {
        ctx.status(400).result("choice must be pause, language or stop");
        return;
      }
    }
    log.info("contact {} chose {} on its preference page: {}", id, choice, outcome);
    String[] words = ChoiceWords.of(choice, outcome, after);
    html(
        ctx,
        200,
        chosen.get(after),
        Map.of(
            "title",
            words[0],
            "message",
            words[1].replace("{sender}", senderName),
            "back",
            "/unsubscribe/" + ctx.pathParam("token")));
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
