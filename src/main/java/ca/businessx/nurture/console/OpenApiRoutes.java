package ca.businessx.nurture.console;

import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Serves the OpenAPI description of the webhooks and {@code /api/*}. Public: it holds no data, and
 * the website's developers need it without an admin token.
 */
public final class OpenApiRoutes {
  private final String document;

  public OpenApiRoutes() {
    try (InputStream in = OpenApiRoutes.class.getResourceAsStream("/openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json is missing from the jar");
      }
      this.document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void register(JavalinConfig cfg) {
    cfg.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(document));
  }
}
