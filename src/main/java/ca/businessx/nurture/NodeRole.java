package ca.businessx.nurture;

/**
 * What a node does ({@code serve --role}). Any number of nodes of any role share one database; work
 * a web node schedules is run by whichever worker polls first.
 */
public enum NodeRole {
  /** Webhooks, API, console, metrics and health, and the schedulers: one node does everything. */
  ALL,
  /** Webhooks, API, console, metrics and health; schedules work but runs none. */
  WEB,
  /** The two schedulers, with an HTTP server for health and metrics only. */
  WORKER;

  public boolean servesWeb() {
    return this != WORKER;
  }

  public boolean runsSchedulers() {
    return this != WEB;
  }
}
