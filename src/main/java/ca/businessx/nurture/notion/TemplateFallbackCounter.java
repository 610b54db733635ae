package ca.businessx.nurture.notion;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts fallbacks by template key, for a metrics adapter or the admin page to read. */
public final class TemplateFallbackCounter implements TemplateFallbackListener {
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  @Override
  public void fallback(String templateKey, Reason reason) {
    counts.computeIfAbsent(templateKey, k -> new LongAdder()).increment();
  }

  public long count(String templateKey) {
    LongAdder adder = counts.get(templateKey);
    return adder == null ? 0 : adder.sum();
  }

  public Map<String, Long> snapshot() {
    Map<String, Long> copy = new TreeMap<>();
    counts.forEach((key, adder) -> copy.put(key, adder.sum()));
    return copy;
  }
}
