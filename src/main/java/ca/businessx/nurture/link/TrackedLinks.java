package ca.businessx.nurture.link;

import ca.businessx.nurture.segment.Segment;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns the links of a rendered email into signed {@code /r/{token}} redirects that report the
 * click. Each link gets a name: {@code booking} for the booking link, else the template's {@code
 * data-link="…"} attribute, else {@code link-1}, {@code link-2} … in order. The booking link's
 * destination carries {@code utm_source=nurture&utm_medium=email&utm_campaign=<template>
 * &utm_content=<segment>}. Unsubscribe and re-subscribe links, links already tracked, and anything
 * but http(s) (mailto:, tel:, anchors) are left as they are.
 */
public final class TrackedLinks {
  public static final String BOOKING = "booking";

  /** A Resend click on a link that is not one of ours (or no longer verifies). */
  public static final String OTHER = "other";

  private static final Pattern NAME_JUNK = Pattern.compile("[^a-z0-9_-]+");
  private static final Pattern UTM = Pattern.compile("(?i)^utm_[a-z]+=.*");
  private static final Pattern EDGE_DASHES = Pattern.compile("^-+|-+$");

  private final LinkTokens tokens;
  private final String baseUrl;
  private final String bookingUrl;

  /**
   * @param baseUrl the service's public address (PUBLIC_BASE_URL), no trailing slash
   * @param bookingUrl the booking link the templates use (BOOKING_URL)
   */
  public TrackedLinks(LinkTokens tokens, String baseUrl, String bookingUrl) {
    this.tokens = tokens;
    this.baseUrl = baseUrl;
    this.bookingUrl = bookingUrl.strip();
  }

  /** The email's HTML with its links through the redirect; {@code emailKey} names the email. */
  public String track(String html, String emailKey, String templateKey, Segment segment) {
    int[] unnamed = {0};
    return LinkRewriter.rewrite(
        html,
        a -> {
          if (!trackable(a.href())) {
            return Optional.empty();
          }
          boolean booking = isBooking(a.href());
          String name =
              a.name()
                  .map(TrackedLinks::cleanName)
                  .filter(n -> !n.isEmpty())
                  .orElseGet(() -> booking ? BOOKING : "link-" + ++unnamed[0]);
          String destination = booking ? withUtm(a.href(), templateKey, segment) : a.href();
          return Optional.of(url(new LinkTarget(emailKey, name, destination)));
        });
  }

  public String url(LinkTarget target) {
    return baseUrl + "/r/" + tokens.token(target);
  }

  public Optional<LinkTarget> verify(String token) {
    return tokens.verify(token);
  }

  /**
   * The name of a link a provider reports by its URL (Resend's {@code click.link}): the name inside
   * our own redirect's token, {@code booking} for the booking link itself, else {@code other}.
   */
  public String nameOf(String clickedUrl) {
    String prefix = baseUrl + "/r/";
    if (clickedUrl.startsWith(prefix)) {
      String token = clickedUrl.substring(prefix.length()).replaceAll("[?#].*$", "");
      return tokens.verify(token).map(LinkTarget::name).orElse(OTHER);
    }
    return isBooking(clickedUrl) ? BOOKING : OTHER;
  }

  private boolean trackable(String href) {
    String lower = href.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
      return false;
    }
    return !href.startsWith(baseUrl + "/unsubscribe/")
        && !href.startsWith(baseUrl + "/resubscribe/")
        && !href.startsWith(baseUrl + "/r/");
  }

  private boolean isBooking(String href) {
    if (bookingUrl.isEmpty() || !href.startsWith(bookingUrl)) {
      return false;
    }
    if (href.length() == bookingUrl.length()) {
      return true;
    }
    char next = href.charAt(bookingUrl.length());
    return next == '?' || next == '#' || next == '&' || bookingUrl.endsWith("/");
  }

  private static String cleanName(String name) {
    String n = NAME_JUNK.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("-");
    n = EDGE_DASHES.matcher(n).replaceAll("");
    return n.length() > 40 ? n.substring(0, 40) : n;
  }

  /**
   * The URL with our four UTM parameters, any it had of its own replaced, before its fragment. The
   * segment is lower-cased, as UTM values conventionally are; a lead not yet assessed has none.
   */
  static String withUtm(String url, String templateKey, Segment segment) {
    int hash = url.indexOf('#');
    String fragment = hash < 0 ? "" : url.substring(hash);
    String rest = hash < 0 ? url : url.substring(0, hash);
    int q = rest.indexOf('?');
    String path = q < 0 ? rest : rest.substring(0, q);
    StringBuilder query = new StringBuilder();
    if (q >= 0) {
      for (String pair : rest.substring(q + 1).split("&")) {
        if (!pair.isEmpty() && !UTM.matcher(pair).matches()) {
          query.append(query.isEmpty() ? "" : "&").append(pair);
        }
      }
    }
    query
        .append(query.isEmpty() ? "" : "&")
        .append("utm_source=nurture&utm_medium=email&utm_campaign=")
        .append(java.net.URLEncoder.encode(templateKey, java.nio.charset.StandardCharsets.UTF_8));
    if (segment != null) {
      query.append("&utm_content=").append(segment.name().toLowerCase(Locale.ROOT));
    }
    return path + "?" + query + fragment;
  }
}
