package ca.businessx.nurture.console;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders console pages: a page template from {@code console/} on the classpath inside the shared
 * layout. Mustache escapes every value, so lead data cannot inject markup.
 */
final class Views {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm 'UTC'", java.util.Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private final Mustache.Compiler compiler =
      Mustache.compiler()
          .defaultValue("")
          .emptyStringIsFalse(true)
          .zeroIsFalse(true)
          .withLoader(Views::reader);
  private final Map<String, Template> cache = new ConcurrentHashMap<>();
  private final ConsoleAuth auth;

  Views(ConsoleAuth auth) {
    this.auth = auth;
  }

  /**
   * @param section which navigation entry is highlighted
   */
  void page(Context ctx, String name, String title, String section, Map<String, Object> model) {
    Map<String, Object> values = new HashMap<>(model);
    values.put("csrf", auth.csrfToken(ctx));
    // A code, never text from the link: the green banner says only what the console says.
    values.put("notice", ConsoleWords.notice(ctx.queryParam("notice")).orElse(null));
    values.put("error", ctx.queryParam("error"));
    String body = template(name).execute(values);
    Map<String, Object> layout = new HashMap<>(values);
    layout.put("title", title);
    layout.put("body", body);
    layout.put("nav_" + section, true);
    layout.put("logout", auth.usesLogin() && auth.hasSession(ctx));
    ctx.contentType("text/html; charset=utf-8").result(template("layout").execute(layout));
  }

  /** A page without the navigation, e.g. the login form. */
  void bare(Context ctx, String name, Map<String, Object> model) {
    ctx.contentType("text/html; charset=utf-8").result(template(name).execute(model));
  }

  static String time(Instant at) {
    return at == null ? "" : TIME.format(at);
  }

  /** A time with its weekday, e.g. "Tue 2026-03-03 02:00 UTC". */
  static String day(Instant at) {
    return at == null ? "" : DAY.format(at);
  }

  private Template template(String name) {
    return cache.computeIfAbsent(name, n -> compiler.compile(reader(n)));
  }

  private static InputStreamReader reader(String name) {
    InputStream in = Views.class.getResourceAsStream("/console/" + name + ".mustache");
    if (in == null) {
      throw new UncheckedIOException(new IOException("no console template " + name));
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
