package ca.businessx.nurture.cli;

import ca.businessx.nurture.alert.AlertException;
import ca.businessx.nurture.alert.SmsTasks;
import ca.businessx.nurture.alert.TeamNotice;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "alert",
    mixinStandardHelpOptions = true,
    description = "Try the team's alert channels.",
    subcommands = {AlertCommand.Test.class})
public final class AlertCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Sends a test message now, not as a durable job: the person running it wants to know at once.
   */
  @Command(
      name = "test",
      mixinStandardHelpOptions = true,
      description =
          "Send a test message to the team channel (--discord) or a test text to every SMS_ALERT_TO"
              + " number (--sms); both without an option. Exit 1 when one fails.")
  static final class Test extends CliCommand {
    @Option(names = "--sms", description = "Text every SMS_ALERT_TO number through Twilio.")
    boolean sms;

    @Option(names = "--discord", description = "Post to the team channel (Discord or the log).")
    boolean discord;

    Test() {
      this(null);
    }

    Test(Map<String, String> env) {
      super(env);
    }

    @Override
    int run(Workbench w) {
      boolean both = !sms && !discord;
      int failed = 0;
      if (sms || both) {
        if (w.wiring.twilio.isEmpty()) {
          if (sms) {
            err()
                .println(
                    "nurture: SMS is not configured; set SMS_ALERT_TO, TWILIO_ACCOUNT_SID,"
                        + " TWILIO_AUTH_TOKEN and TWILIO_FROM");
            return BAD_INPUT;
          }
        } else {
          String text =
              "Nurture test: SMS alerts for CRITICAL leads reach this number. "
                  + w.config.sender().publicBaseUrl()
                  + "/console";
          for (String number : w.config.sms().orElseThrow().to()) {
            try {
              String sid = w.wiring.twilio.get().send(number, text);
              out().println("sms " + SmsTasks.lastDigits(number) + ": sent (" + sid + ")");
            } catch (AlertException e) {
              failed++;
              out().println("sms " + SmsTasks.lastDigits(number) + ": FAILED " + e.getMessage());
            }
          }
        }
      }
      if (discord || both) {
        try {
          w.wiring.alerter.notice(
              new TeamNotice("test", "test", "Nurture test: alerts reach this channel."));
          out().println(w.wiring.alerter.name() + ": sent");
        } catch (AlertException e) {
          failed++;
          out().println(w.wiring.alerter.name() + ": FAILED " + e.getMessage());
        }
      }
      out().flush();
      return failed == 0 ? 0 : REFUSED;
    }
  }
}
