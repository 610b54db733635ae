package ca.businessx.nurture.cli;

import ca.businessx.nurture.console.SampleLeads;
import ca.businessx.nurture.email.OutboundEmail;
import ca.businessx.nurture.email.SendException;
import ca.businessx.nurture.email.SendResult;
import ca.businessx.nurture.platform.Ids;
import ca.businessx.nurture.segment.Segment;
import ca.businessx.nurture.template.RenderedEmail;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "send-test",
    mixinStandardHelpOptions = true,
    description =
        "Send one template, rendered for a sample lead, to an address, through the configured provider.")
public final class SendTestCommand extends CliCommand {
  @Parameters(paramLabel = "KEY", description = "Template key, e.g. email_1.")
  String key;

  @Option(names = "--to", required = true, paramLabel = "EMAIL", description = "Where to send it.")
  String to;

  @Option(
      names = "--segment",
      defaultValue = "CRITICAL",
      description = "The sample lead's segment (default ${DEFAULT-VALUE}).")
  Segment segment;

  SendTestCommand() {
    super(null);
  }

  SendTestCommand(Map<String, String> env) {
    super(env);
  }

  @Override
  int run(Workbench w) {
    if (!knownTemplate(w, key)) {
      return BAD_INPUT;
    }
    if (!to.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      err().println("nurture: --to is not an email address");
      return BAD_INPUT;
    }
    var sample = SampleLeads.of(segment);
    RenderedEmail r = w.composer.render(key, sample);
    // A fresh key: a test send is its own email, never a duplicate of a sequence step.
    OutboundEmail email =
        new OutboundEmail(
            "nurture-test-" + Ids.newId(),
            to.trim(),
            "[TEST] " + r.subject(),
            r.html(),
            null,
            key,
            // The headers every email carries, so a test shows what a lead's mailbox will see.
            w.composer.headers(sample.id()));
    SendResult result;
    try {
      result = w.sender.send(email);
    } catch (SendException e) {
      err()
          .println(
              "nurture: "
                  + w.sender.name()
                  + " refused the email ("
                  + (e.isTransient() ? "temporary" : "permanent")
                  + "): "
                  + e.getMessage());
      return REFUSED;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("template", key);
    body.put("provider", w.sender.name());
    body.put("provider_message_id", result.providerMessageId());
    body.put("subject", email.subject());
    if (json) {
      printJson(body);
    } else {
      out()
          .println(
              "sent "
                  + key
                  + " via "
                  + w.sender.name()
                  + ", message id "
                  + result.providerMessageId());
      out().flush();
    }
    return 0;
  }
}
