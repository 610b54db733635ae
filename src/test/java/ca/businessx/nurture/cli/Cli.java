package ca.businessx.nurture.cli;

import ca.businessx.nurture.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** Runs the real command line in-process with a test's environment, capturing what it prints. */
final class Cli {
  record Result(int exit, String out, String err) {}

  private final Map<String, String> env;

  Cli(Map<String, String> env) {
    this.env = env;
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        new CommandLine(new Main(), new CliFactory(env))
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .execute(args);
    return new Result(exit, out.toString(), err.toString());
  }
}
