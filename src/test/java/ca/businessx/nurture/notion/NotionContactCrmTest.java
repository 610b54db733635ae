package ca.businessx.nurture.notion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.businessx.nurture.contact.CrmContact;
import ca.businessx.nurture.segment.Segment;
import ca.businessx.nurture.support.TestClock;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NotionContactCrmTest {
  private static final Instant SIGNED_UP = Instant.parse("2026-01-15T14:03:00Z");
  @RegisterExtension final FakeNotion fake = FakeNotion.start();

  @ParameterizedTest
  @ValueSource(strings = {FakeNotion.V2025, FakeNotion.V2022})
  void upsertCreatesThenUpdatesTheSamePage(String version) {
    NotionContactCrm crm = crm(version);

    CrmContact created = crm.upsert(lead("Ana@Example.CA", "Active", null), null);
    CrmContact updated = crm.upsert(lead("ana@example.ca", "Completed", "email_5a"), null);
    CrmContact again = crm.upsert(lead("ana@example.ca", "Stopped", null), created.pageId());

    assertThat(fake.data.pages(fake.contacts)).hasSize(1);
    assertThat(updated.pageId()).isEqualTo(created.pageId()).isEqualTo(again.pageId());
    assertThat(created.url()).startsWith("https://www.notion.so/");
    assertThat(again.email()).isEqualTo("ana@example.ca");
    assertThat(again.sequenceStatus()).isEqualTo("Stopped");
    assertThat(again.lastEmail()).as("kept from the earlier update").isEqualTo("email_5a");
  }

  @ParameterizedTest
  @ValueSource(strings = {FakeNotion.V2025, FakeNotion.V2022})
  void mapsEveryPropertyBothWays(String version) {
    NotionContactCrm crm = crm(version);
    String longBusiness = "Tremblay 🚀 ".repeat(400);
    CrmContact sent =
        new CrmContact(
            null,
            null,
            "ana@example.ca",
            "Ana Tremblay",
            "Ana",
            longBusiness,
            3,
            2,
            1,
            0,
            42.5,
            Segment.CRITICAL,
            "Active",
            "email_2",
            SIGNED_UP,
            SIGNED_UP.plusSeconds(3600),
            null,
            "America/Toronto",
            14.5,
            SIGNED_UP.plusSeconds(7200),
            SIGNED_UP.plusSeconds(9000));

    crm.upsert(sent, null);
    CrmContact read = crm.findByEmail(" ANA@example.ca ").orElseThrow();

    assertThat(read)
        .usingRecursiveComparison()
        .ignoringFields("pageId", "url", "lastEditedAt", "timeZone")
        .isEqualTo(sent);
    assertThat(read.lastEditedAt()).isNotNull();
    assertThat(crm.findByEmail("someone@else.ca")).isEmpty();
  }

  @Test
  void editedSinceAnswersOnlyPagesEditedAtOrAfter() {
    NotionContactCrm crm = crm(FakeNotion.V2025);
    TestClock notionTime = new TestClock(Instant.parse("2026-02-01T10:00:00Z"));
    fake.data.clock = notionTime;
    String early = crm.upsert(lead("early@example.ca", "Active", null), null).pageId();
    notionTime.advance(java.time.Duration.ofMinutes(5));
    crm.upsert(lead("late@example.ca", "Active", null), null);
    Instant since = Instant.parse("2026-02-01T10:05:00Z");

    assertThat(crm.editedSince(since))
        .extracting(CrmContact::email)
        .containsExactly("late@example.ca");

    notionTime.advance(java.time.Duration.ofMinutes(5));
    crm.upsert(lead("early@example.ca", "Stopped", null), early);
    assertThat(crm.editedSince(since))
        .extracting(CrmContact::email)
        .containsExactlyInAnyOrder("late@example.ca", "early@example.ca");
  }

  @Test
  void aDeletedKnownPageIsFoundAgainByEmailOrRecreated() {
    NotionContactCrm crm = crm(FakeNotion.V2025);
    String original = crm.upsert(lead("ana@example.ca", "Active", null), null).pageId();

    CrmContact byEmail =
        crm.upsert(lead("ana@example.ca", "Active", null), UUID.randomUUID().toString());
    CrmContact recreated =
        crm.upsert(lead("bob@example.ca", "Active", null), UUID.randomUUID().toString());

    assertThat(byEmail.pageId()).isEqualTo(original);
    assertThat(recreated.pageId()).isNotEqualTo(original);
    assertThat(fake.data.pages(fake.contacts)).hasSize(2);
  }

  @Test
  void anOverlongEmailIsAPermanentErrorThatDoesNotQuoteIt() {
    String email = "a".repeat(200) + "@example.ca";

    NotionException e =
        catchThrowableOfType(
            NotionException.class,
            () -> crm(FakeNotion.V2025).upsert(lead(email, "Active", null), null));

    assertThat(e.isTransient()).isFalse();
    assertThat(e.code()).isEqualTo("validation_error");
    assertThat(e.getMessage()).contains("200").doesNotContain(email).doesNotContain("Ana");
  }

  private NotionContactCrm crm(String version) {
    NotionSettings settings = fake.settings(version);
    return new NotionContactCrm(new NotionClient(settings, Clock.systemUTC()), settings);
  }

  static CrmContact lead(String email, String status, String lastEmail) {
    return new CrmContact(
        null,
        null,
        email,
        "Ana Tremblay",
        "Ana",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        status,
        lastEmail,
        SIGNED_UP,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
