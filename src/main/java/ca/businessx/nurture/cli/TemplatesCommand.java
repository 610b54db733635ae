package ca.businessx.nurture.cli;

import ca.businessx.nurture.console.SampleLeads;
import ca.businessx.nurture.segment.Segment;
import ca.businessx.nurture.template.RenderedEmail;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "templates",
    mixinStandardHelpOptions = true,
    description = "Look at the email templates.",
    subcommands = {TemplatesCommand.Preview.class})
public final class TemplatesCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "preview",
      mixinStandardHelpOptions = true,
      description =
          "Render a template for a sample lead of a segment and print its subject, origin and HTML.")
  static final class Preview extends CliCommand {
    @Parameters(paramLabel = "KEY", description = "Template key, e.g. email_2a.")
    String key;

    @Option(
        names = "--segment",
        defaultValue = "CRITICAL",
        description =
            "The sample lead's segment: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Segment segment;

    Preview() {
      super(null);
    }

    Preview(Map<String, String> env) {
      super(env);
    }

    @Override
    int run(Workbench w) {
      if (!knownTemplate(w, key)) {
        return BAD_INPUT;
      }
      RenderedEmail r = w.composer.render(key, SampleLeads.of(segment));
      if (json) {
        printJson(r);
        return 0;
      }
      out()
          .println(
              "template: "
                  + r.templateKey()
                  + " (from "
                  + r.origin()
                  + "), sample lead: "
                  + segment);
      out().println("subject:  " + r.subject());
      out().println();
      out().println(r.html());
      out().flush();
      return 0;
    }
  }
}
