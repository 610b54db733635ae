package ca.businessx.nurture.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentry.Breadcrumb;
import io.sentry.SentryEvent;
import io.sentry.protocol.Message;
import io.sentry.protocol.Request;
import io.sentry.protocol.SentryException;
import io.sentry.protocol.User;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The beforeSend scrubber alone: no email address, name or secret survives it. */
class SentryScrubberTest {
  final EventScrubber scrubber = new EventScrubber(List.of("adm1n-t0ken-0123456789abcdef"));

  @Test
  void cutsAddressesNamesAndSecretsOutOfEveryPart() {
    SentryEvent event = new SentryEvent();
    Message message = new Message();
    message.setMessage("signup for {} failed");
    message.setFormatted(
        "signup for ana@example.ca failed with token adm1n-t0ken-0123456789abcdef");
    message.setParams(List.of("ana@example.ca"));
    event.setMessage(message);
    SentryException driver = new SentryException();
    driver.setModule("org.postgresql.util");
    driver.setType("PSQLException");
    driver.setValue("Key (email)=(ana@example.ca) already exists; name 'Ana Tremblay'");
    SentryException ours = new SentryException();
    ours.setModule("ca.businessx.nurture.alert");
    ours.setType("AlertException");
    ours.setValue("discord 401 for \"Ana Tremblay\" Bearer re_abcdefghijklmnop1234 ana@example.ca");
    event.setExceptions(List.of(driver, ours));
    User user = new User();
    user.setEmail("ana@example.ca");
    event.setUser(user);
    Request request = new Request();
    request.setData(Map.of("first_name", "Ana"));
    event.setRequest(request);
    event.setExtra("name", "Ana Tremblay");
    Breadcrumb crumb = new Breadcrumb("lead ana@example.ca named 'Ana Tremblay'");
    crumb.setData("email", "ana@example.ca");
    event.setBreadcrumbs(List.of(crumb));

    SentryEvent out = scrubber.scrub(event);

    String all =
        String.join(
            " ",
            String.valueOf(out.getMessage().getFormatted()),
            String.valueOf(out.getMessage().getMessage()),
            String.valueOf(out.getMessage().getParams()),
            String.valueOf(out.getExceptions().get(0).getValue()),
            String.valueOf(out.getExceptions().get(1).getValue()),
            String.valueOf(out.getUser()),
            String.valueOf(out.getRequest()),
            String.valueOf(out.getExtras()),
            out.getBreadcrumbs().getFirst().getMessage(),
            String.valueOf(out.getBreadcrumbs().getFirst().getData()));
    assertThat(all).doesNotContain("ana@", "Ana", "Tremblay", "adm1n-t0ken", "re_abcdef");
    assertThat(out.getExceptions().get(0).getType()).isEqualTo("PSQLException");
    assertThat(out.getExceptions().get(1).getValue()).startsWith("discord 401 for [value]");
    assertThat(out.getMessage().getFormatted())
        .isEqualTo("signup for [email] failed with token [secret]");
  }

  @Test
  void leavesOrdinaryWordsAndIdsAlone() {
    String line = "parked email_2a of enrollment 9fb7e0be after reconfiguration: resend 503";
    assertThat(scrubber.text(line)).isEqualTo(line);
  }
}
