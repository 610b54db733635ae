package ca.businessx.nurture;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a starting node tells the person who started it, in one block: which version, which database
 * and where its data lives, who sends the email, where alerts go, the CRM, the waits, and where the
 * console is. A new user's first questions, answered before the first webhook.
 */
public record StartupBanner(
    String node,
    String role,
    String database,
    String sender,
    String alerts,
    String crm,
    List<Duration> waits,
    Duration pollInterval,
    boolean adminToken) {

  public List<String> lines(String version, int port) {
    return List.of(
        // bin/package reads the port from "listening on port N".
        "Nurture " + version + " (" + role + ", node " + node + ") listening on port " + port,
        "  database  " + database,
        "  email     " + sender,
        "  alerts    " + alerts,
        "  CRM       " + crm,
        "  waits     "
            + waits.stream().map(StartupBanner::shown).collect(Collectors.joining(", "))
            + " (the scheduler looks every "
            + shown(pollInterval)
            + ")",
        "  console   http://localhost:"
            + port
            + "/console"
            + (adminToken ? "" : " (this machine only until ADMIN_TOKEN is set)"),
        "  webhooks  POST http://localhost:" + port + "/webhook/signup, /webhook/assessment");
  }

  /** PT0.5S reads 0.5s, PT24H 24h: the README's spelling, without the ISO prefix. */
  static String shown(Duration d) {
    return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
  }
}
