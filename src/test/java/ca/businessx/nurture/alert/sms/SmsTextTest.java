package ca.businessx.nurture.alert.sms;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.alert.LeadAlert;
import ca.businessx.nurture.segment.Segment;
import org.junit.jupiter.api.Test;

class SmsTextTest {
  static final String BASE = "https://leads.example.ca";

  static LeadAlert lead(String first, String business) {
    return new LeadAlert("c-42", first, business, Segment.CRITICAL, 3, 1, 0, 0, 70.0, null);
  }

  @Test
  void namesTheSegmentBusinessFirstNameAndConsoleLink() {
    String text = SmsText.criticalLead(lead("Ana", "Tremblay Plumbing"), BASE);
    assertThat(text)
        .isEqualTo(
            "CRITICAL lead: Tremblay Plumbing (Ana) https://leads.example.ca/console/leads/c-42");
    assertThat(Gsm7.length(text)).isLessThanOrEqualTo(160);
  }

  @Test
  void longNamesAreShortenedAndTheLinkStaysWhole() {
    String text = SmsText.criticalLead(lead("Marie-Ève".repeat(20), "B".repeat(5000)), BASE);
    assertThat(Gsm7.length(text)).isBetween(150, 160);
    assertThat(text).endsWith(" " + BASE + "/console/leads/c-42").contains("...");
  }

  @Test
  void accentsOutsideGsm7AreFoldedSoTheTextStaysOneSegment() {
    String text = SmsText.criticalLead(lead("Zoë", "Boulangerie Côté “Chez Loïc” — Québec"), BASE);
    assertThat(Gsm7.encodable(text)).isTrue();
    assertThat(text).contains("Zoe", "Boulangerie Coté \"Chez Loic\" - Québec");
  }

  @Test
  void aScriptGsm7LacksAimsForOneUcs2Segment() {
    String text = SmsText.criticalLead(lead("美咲", "東京配管工業株式会社の本社"), "https://x.ca");
    assertThat(Gsm7.encodable(text)).isFalse();
    assertThat(text.length()).isLessThanOrEqualTo(70);
    assertThat(text).endsWith("https://x.ca/console/leads/c-42");
  }

  @Test
  void extensionCharactersCountTwiceAndMissingNamesAreLeftOut() {
    assertThat(Gsm7.length("{€}")).isEqualTo(6);
    assertThat(SmsText.criticalLead(lead(null, "  "), BASE))
        .isEqualTo("CRITICAL lead https://leads.example.ca/console/leads/c-42");
    assertThat(SmsText.criticalLead(lead("Ana", null), BASE))
        .isEqualTo("CRITICAL lead: Ana https://leads.example.ca/console/leads/c-42");
  }
}
