package ca.businessx.nurture.notion;

/** Told each time Notion has no usable template and the static one of the same key is used. */
@FunctionalInterface
public interface TemplateFallbackListener {

  enum Reason {
    /** No page with this title in the templates database. */
    MISSING,
    /** The page has no subject or no body. */
    EMPTY,
    /** Notion failed and no earlier copy was at hand. */
    FAILED,
    /**
     * The page inserts a value unescaped ({@code {{{x}}}}, {@code {{&x}}}) or changes delimiters.
     */
    UNSAFE,
    /** The page's Subject B is there but blank: the single subject applies. */
    VARIANT
  }

  void fallback(String templateKey, Reason reason);
}
