package ca.businessx.nurture.notion;

import static ca.businessx.nurture.notion.Blocks.block;
import static ca.businessx.nurture.notion.Blocks.run;
import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.notion.TemplateFallbackListener.Reason;
import ca.businessx.nurture.support.TestClock;
import ca.businessx.nurture.template.EmailTemplate;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.samskivert.mustache.Mustache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NotionTemplateSourceTest {
  private static final Duration TTL = Duration.ofMinutes(5);
  @RegisterExtension final FakeNotion fake = FakeNotion.start();
  private final TestClock clock = new TestClock(Instant.parse("2026-04-01T09:00:00Z"));
  private final TemplateFallbackCounter counter = new TemplateFallbackCounter();
  private final List<Reason> reasons = new ArrayList<>();
  private final NotionTemplateSource source =
      new NotionTemplateSource(
          new NotionClient(fake.settings(FakeNotion.V2025), Clock.systemUTC()),
          fake.settings(FakeNotion.V2025),
          TTL,
          clock,
          (key, reason) -> {
            counter.fallback(key, reason);
            reasons.add(reason);
          });

  @Test
  void readsTheTemplatePageAndCachesItForTheTtl() {
    String page =
        template(
            "email_1",
            "Welcome, {{first_name}}",
            block("paragraph", run("Hi {{first_", "bold"), run("name}}!")),
            block("bulleted_list_item", run("Step one")));

    EmailTemplate first = source.find("email_1").orElseThrow();
    int requests = fake.requestCount();
    fake.data.addBlocks(page, List.of(block("paragraph", run("P.S. New line"))));
    clock.advance(TTL.minusSeconds(1));
    EmailTemplate cached = source.find("email_1").orElseThrow();

    assertThat(first.subject()).isEqualTo("Welcome, {{first_name}}");
    assertThat(first.origin()).isEqualTo("notion");
    assertThat(Mustache.compiler().compile(first.htmlBody()).execute(Map.of("first_name", "Ana")))
        .isEqualTo("<p><strong>Hi Ana</strong>!</p>\n<ul><li>Step one</li></ul>");
    assertThat(cached).isEqualTo(first);
    assertThat(fake.requestCount()).as("served from the cache").isEqualTo(requests);

    clock.advance(Duration.ofSeconds(1));
    assertThat(source.find("email_1").orElseThrow().htmlBody()).contains("P.S. New line");
    assertThat(counter.count("email_1")).isZero();
  }

  @Test
  void keepsTheLastGoodCopyWhenARefreshFails() {
    template("email_2", "Second", block("paragraph", run("Body two")));
    EmailTemplate good = source.find("email_2").orElseThrow();
    clock.advance(TTL.plusSeconds(1));
    fake.inject(new FakeNotion.Status(503, "service_unavailable", null));

    assertThat(source.find("email_2")).contains(good);
    assertThat(counter.count("email_2")).isZero();
  }

  @Test
  void fallsBackWhenMissingEmptyOrFailingWithoutACopy() {
    template("email_3", "Subject only");
    template("email_4", " ", block("paragraph", run("Body without subject")));

    assertThat(source.find("email_9")).isEmpty();
    assertThat(source.find("email_3")).isEmpty();
    assertThat(source.find("email_4")).isEmpty();
    fake.inject(new FakeNotion.Status(503, "service_unavailable", null));
    assertThat(source.find("email_5a")).isEmpty();

    assertThat(reasons).containsExactly(Reason.MISSING, Reason.EMPTY, Reason.EMPTY, Reason.FAILED);
    assertThat(counter.snapshot())
        .isEqualTo(Map.of("email_9", 1L, "email_3", 1L, "email_4", 1L, "email_5a", 1L));
  }

  @Test
  void aFailureIsNotRetriedOnEverySendButIsAfterTheTtl() {
    template("email_5b", "Five b", block("paragraph", run("Body")));
    fake.inject(new FakeNotion.Status(500, "internal_server_error", null));

    assertThat(source.find("email_5b")).isEmpty();
    int requests = fake.requestCount();
    assertThat(source.find("email_5b")).isEmpty();
    assertThat(fake.requestCount()).isEqualTo(requests);
    assertThat(counter.count("email_5b")).isEqualTo(2);

    clock.advance(TTL);
    assertThat(source.find("email_5b")).map(EmailTemplate::subject).contains("Five b");
  }

  private String template(String key, String subject, ObjectNode... body) {
    ObjectNode props = FakeNotionData.JSON.createObjectNode();
    props.putObject("Name").set("title", RichText.of(key));
    props.putObject("Subject").set("rich_text", RichText.of(subject));
    String id = fake.data.createPage(fake.templates, props).id;
    fake.data.addBlocks(id, List.of(body));
    return id;
  }
}
