package ca.businessx.nurture.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A bounded map of per-client state (rate-limit buckets, failed logins): past {@code capacity}
 * entries the least recently used one is dropped, so a spray of addresses costs memory only up to
 * the bound and never resets the clients already tracked. One lock; each operation is a few pointer
 * moves.
 */
public final class LruMap<K, V> {
  private final Map<K, V> entries;

  public LruMap(int capacity) {
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > capacity;
          }
        };
  }

  public synchronized V computeIfAbsent(K key, Function<K, V> create) {
    return entries.computeIfAbsent(key, create);
  }

  public synchronized V compute(K key, java.util.function.BiFunction<K, V, V> update) {
    return entries.compute(key, update);
  }

  public synchronized V get(K key) {
    return entries.get(key);
  }

  public synchronized void remove(K key) {
    entries.remove(key);
  }

  public synchronized int size() {
    return entries.size();
  }
}
