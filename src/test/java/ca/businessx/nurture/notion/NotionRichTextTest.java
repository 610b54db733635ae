package ca.businessx.nurture.notion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.Test;

class NotionRichTextTest {

  @Test
  void splitsLongTextIntoItemsOfAtMost2000WithoutBreakingSurrogatePairs() {
    String text = "a" + "🚀".repeat(1500);

    ArrayNode items = RichText.of(text);

    assertThat(items).hasSizeGreaterThan(1);
    for (JsonNode item : items) {
      String content = item.path("text").path("content").asText();
      assertThat(content.length()).isLessThanOrEqualTo(2000);
      assertThat(Character.isHighSurrogate(content.charAt(content.length() - 1))).isFalse();
      assertThat(Character.isLowSurrogate(content.charAt(0))).isFalse();
    }
    assertThat(RichText.plain(items)).isEqualTo(text);
  }

  @Test
  void dropsTextBeyondAHundredItems() {
    ArrayNode items = RichText.of("x".repeat(2000 * 100 + 5));

    assertThat(items).hasSize(100);
    assertThat(RichText.plain(items)).hasSize(200_000);
  }

  @Test
  void emptyTextClearsTheProperty() {
    assertThat(RichText.of("")).isEmpty();
  }
}
