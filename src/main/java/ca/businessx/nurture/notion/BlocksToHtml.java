package ca.businessx.nurture.notion;

import java.util.List;
import java.util.Map;

/**
 * Notion page blocks to the email-safe HTML of a template body: plain tags only, no classes or
 * scripts; styling belongs to the shared email layout. Unknown blocks with text become paragraphs
 * and other unknown blocks (images, embeds) are left out.
 */
public final class BlocksToHtml {
  private static final Map<String, String> TEXT_TAGS =
      Map.of("paragraph", "p", "heading_1", "h1", "heading_2", "h2", "heading_3", "h3");

  private BlocksToHtml() {}

  public static String render(List<NotionBlock> blocks) {
    StringBuilder html = new StringBuilder();
    int i = 0;
    while (i < blocks.size()) {
      NotionBlock block = blocks.get(i);
      String list = listTag(block.type());
      if (list == null) {
        html.append(single(block));
        i++;
        continue;
      }
      // Notion has no list block: consecutive items of one kind form one list.
      html.append('<').append(list).append('>');
      while (i < blocks.size() && blocks.get(i).type().equals(block.type())) {
        NotionBlock item = blocks.get(i++);
        html.append("<li>")
            .append(RichTextHtml.render(item.richText()))
            .append(render(item.children()))
            .append("</li>");
      }
      html.append("</").append(list).append(">\n");
    }
    return html.toString();
  }

  private static String single(NotionBlock block) {
    String text = RichTextHtml.render(block.richText());
    String children = render(block.children());
    return switch (block.type()) {
      case "divider" -> "<hr>\n";
      case "quote" -> "<blockquote>" + text + children + "</blockquote>\n";
      default -> {
        String tag = TEXT_TAGS.getOrDefault(block.type(), "p");
        boolean hasText = block.richText().isArray() && !text.isEmpty();
        // An empty paragraph is Notion's blank line; paragraph spacing already does that job.
        yield (hasText ? "<" + tag + ">" + text + "</" + tag + ">\n" : "") + children;
      }
    };
  }

  private static String listTag(String type) {
    return switch (type) {
      case "bulleted_list_item" -> "ul";
      case "numbered_list_item" -> "ol";
      default -> null;
    };
  }
}
