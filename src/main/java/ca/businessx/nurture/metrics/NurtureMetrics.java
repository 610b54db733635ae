package ca.businessx.nurture.metrics;

import ca.businessx.nurture.platform.Database;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.Collection;

/** The node's metrics: one Prometheus registry with the JVM, the database gauges and the events. */
public final class NurtureMetrics implements AutoCloseable {
  private final PrometheusMeterRegistry registry;
  private final MicrometerEvents events;
  private final JvmGcMetrics gc = new JvmGcMetrics();

  private final DatabaseGauges gauges;
  private OperationsGauges operations;

  private NurtureMetrics(
      PrometheusMeterRegistry registry, MicrometerEvents events, DatabaseGauges gauges) {
    this.registry = registry;
    this.events = events;
    this.gauges = gauges;
  }

  /**
   * @param templates every template key, so each gets its zero-valued meters
   * @param providers the outside systems this node is configured with
   */
  public static NurtureMetrics create(
      Database db, Clock clock, Collection<String> templates, Collection<String> providers) {
    // Its own registry rather than the global one: tests start several services in one JVM.
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    DatabaseGauges gauges = new DatabaseGauges(db, clock);
    NurtureMetrics metrics =
        new NurtureMetrics(registry, new MicrometerEvents(registry, templates, providers), gauges);
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    metrics.gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    gauges.register(registry);
    metrics.operations = new OperationsGauges(db, clock);
    metrics.operations.register(registry);
    return metrics;
  }

  public MicrometerEvents events() {
    return events;
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public String scrape() {
    gauges.refresh();
    operations.refresh();
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
