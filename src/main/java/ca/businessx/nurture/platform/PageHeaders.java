package ca.businessx.nurture.platform;

import io.javalin.http.Context;

/**
 * Headers of the HTML pages people open: no page may be framed by another site (clickjacking of an
 * unsubscribe or console button), nothing is sniffed into another type, and no script runs at all,
 * since neither the console nor the unsubscribe pages need one. Styles are inline (the pages ship
 * one stylesheet block and a few style attributes, e.g. the funnel's bar widths).
 */
public final class PageHeaders {
  /** The console: nothing loads but inline styles and same-origin images; forms post home. */
  public static final String CONSOLE_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self';"
          + " frame-ancestors 'none'; base-uri 'none'";

  /** The unsubscribe pages: the same, minus images. */
  public static final String UNSUBSCRIBE_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none';"
          + " base-uri 'none'";

  private PageHeaders() {}

  public static void console(Context ctx) {
    common(ctx, CONSOLE_POLICY);
    ctx.header("Referrer-Policy", "same-origin");
  }

  /**
   * The link carries the unsubscribe token, so not even this site's other pages are told the
   * address it came from: no-referrer, stricter than same-origin.
   */
  public static void unsubscribe(Context ctx) {
    common(ctx, UNSUBSCRIBE_POLICY);
    ctx.header("Referrer-Policy", "no-referrer");
  }

  private static void common(Context ctx, String policy) {
    ctx.header("Content-Security-Policy", policy);
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Cache-Control", "no-store");
  }
}
