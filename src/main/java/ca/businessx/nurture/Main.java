package ca.businessx.nurture;

import ca.businessx.nurture.cli.AlertCommand;
import ca.businessx.nurture.cli.BackupCommands;
import ca.businessx.nurture.cli.ContactCommand;
import ca.businessx.nurture.cli.ContactsCommand;
import ca.businessx.nurture.cli.DoctorCommand;
import ca.businessx.nurture.cli.EmailsCommand;
import ca.businessx.nurture.cli.ImportCommand;
import ca.businessx.nurture.cli.NotionCommand;
import ca.businessx.nurture.cli.SendTestCommand;
import ca.businessx.nurture.cli.SequenceCommand;
import ca.businessx.nurture.cli.TemplatesCommand;
import ca.businessx.nurture.platform.Config;
import ca.businessx.nurture.platform.ConfigException;
import ca.businessx.nurture.platform.ConfigLoader;
import ch.qos.logback.classic.Level;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code nurture serve} and friends. */
@Command(
    name = "nurture",
    mixinStandardHelpOptions = true,
    version = "nurture 0.1.0",
    description = "Turns website leads into customers with a durable five-email sequence.",
    subcommands = {
      Main.Serve.class,
      Main.Migrate.class,
      CommandLine.HelpCommand.class,
      ContactsCommand.class,
      EmailsCommand.class,
      SequenceCommand.class,
      TemplatesCommand.class,
      SendTestCommand.class,
      ImportCommand.class,
      ContactCommand.class,
      NotionCommand.class,
      BackupCommands.Backup.class,
      BackupCommands.Restore.class,
      AlertCommand.class,
      DoctorCommand.class
    })
public final class Main implements Runnable {

  public static void main(String[] args) {
    // Before the first logger exists: a command other than serve logs only warnings (to stderr),
    // so its own output is not buried. -Dnurture.log.level=INFO still shows everything.
    if (System.getProperty("nurture.log.level") == null
        && (args.length == 0 || !args[0].equals("serve"))) {
      System.setProperty("nurture.log.level", "WARN");
    }
    System.exit(
        new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** Reads the configuration, printing one line per problem and exiting 2 when it is invalid. */
  static Config config() {
    try {
      return ConfigLoader.load(ConfigLoader.environment(Path.of("")));
    } catch (ConfigException e) {
      System.err.println("nurture: invalid configuration:");
      e.problems().forEach(p -> System.err.println("  " + p));
      System.exit(2);
      return null;
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause == e
        ? String.valueOf(e.getMessage())
        : e.getMessage() + " (" + cause.getMessage() + ")";
  }

  @Command(
      name = "serve",
      mixinStandardHelpOptions = true,
      description = "Start a node: webhooks, API and the scheduler, or one of them (--role).")
  static final class Serve implements Callable<Integer> {
    @CommandLine.Option(
        names = "--role",
        defaultValue = "all",
        paramLabel = "all|web|worker",
        description =
            "all (default): everything; web: webhooks, API, console, metrics, health;"
                + " worker: the schedulers, with health and metrics only.")
    NodeRole role;

    @Override
    public Integer call() throws InterruptedException {
      Config config = config();
      if (config.testingMode()) {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("ca.businessx.nurture"))
            .setLevel(Level.DEBUG);
      }
      App app;
      try {
        app = App.builder(config).role(role).start();
      } catch (RuntimeException e) {
        System.err.println("nurture: cannot start: " + rootMessage(e));
        return 1;
      }
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    app.close();
                    stopped.countDown();
                  },
                  "nurture-shutdown"));
      // One plain block on stderr, the same place as the logs, for the person who started it.
      String version = new CommandLine(new Main()).getCommandSpec().version()[0].substring(8);
      app.startup().lines(version, app.port()).forEach(System.err::println);
      stopped.await();
      return 0;
    }
  }

  @Command(
      name = "migrate",
      mixinStandardHelpOptions = true,
      description = "Apply database migrations and exit.")
  static final class Migrate implements Callable<Integer> {
    @Override
    public Integer call() {
      Config config = config();
      try (var db =
          ca.businessx.nurture.platform.Database.open(
              config.db(), config.dataDir(), config.scheduler().nodeName())) {
        db.migrate();
      }
      System.out.println("migrations applied");
      return 0;
    }
  }
}
