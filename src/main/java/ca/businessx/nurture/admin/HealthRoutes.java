package ca.businessx.nurture.admin;

import ca.businessx.nurture.platform.Database;
import com.github.kagkarlsson.scheduler.Scheduler;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Health for load balancers: ready when the database answers, is migrated and, on a node that runs
 * the scheduler, the scheduler runs. A web node runs none and is ready without one.
 */
public final class HealthRoutes {
  private final Database db;
  private final Supplier<Scheduler> scheduler;
  // Once this code's migrations are all applied they stay applied; no need to ask Flyway again.
  private volatile boolean migrated;

  /**
   * @param scheduler the node's scheduler, or null on a node that runs none (role web)
   */
  public HealthRoutes(Database db, Supplier<Scheduler> scheduler) {
    this.db = db;
    this.scheduler = scheduler;
  }

  public void register(JavalinConfig cfg) {
    cfg.routes.get("/health", this::ready);
    cfg.routes.get("/health/ready", this::ready);
    cfg.routes.get("/health/live", ctx -> ctx.json(Map.of("status", "up")));
  }

  private void ready(Context ctx) {
    boolean database = db.isReachable();
    Scheduler s = scheduler == null ? null : scheduler.get();
    boolean running =
        s != null && s.getSchedulerState().isStarted() && !s.getSchedulerState().isShuttingDown();
    int pending = database ? pendingMigrations() : -1;
    boolean up = database && (running || scheduler == null) && pending == 0;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", up ? "up" : "down");
    body.put("database", database ? "up" : "down");
    body.put(
        "scheduler", scheduler == null ? "none on this node" : running ? "running" : "stopped");
    body.put("migrations", pending == 0 ? "done" : pending < 0 ? "unknown" : pending + " pending");
    ctx.status(up ? 200 : 503).json(body);
  }

  private int pendingMigrations() {
    if (migrated) {
      return 0;
    }
    try {
      int pending = db.pendingMigrations();
      migrated = pending == 0;
      return pending;
    } catch (RuntimeException e) {
      return -1;
    }
  }
}
