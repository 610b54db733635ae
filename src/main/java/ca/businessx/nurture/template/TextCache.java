package ca.businessx.nurture.template;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What is worked out from a template's text (compiled, parsed, hashed), kept by that text: every
 * email of a batch renders the same few templates, and an edited text is a new key, so an edit
 * applies at the next render. Templates edited many times over start it afresh rather than grow it.
 */
final class TextCache<K, V> {
  private static final int MAX = 200;
  private final Map<K, V> values = new ConcurrentHashMap<>();

  V get(K key, Function<? super K, ? extends V> make) {
    if (values.size() > MAX) {
      values.clear();
    }
    return values.computeIfAbsent(key, make);
  }
}
