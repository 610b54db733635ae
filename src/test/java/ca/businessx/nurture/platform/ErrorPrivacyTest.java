package ca.businessx.nurture.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * A failed statement's message and the log of a 500 name the statement, never the address or name
 * bound to it; the 500 tells the client its request was not recorded and should be retried.
 */
class ErrorPrivacyTest {
  private static final String EMAIL = "dup.private@example.ca";
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void statementErrorsAndTheirLogsCarryNoBoundValues(TestDatabases.Kind kind) {
    try (TestApp t = new TestApp(dir, kind, Map.of())) {
      t.signup(EMAIL, "Privatename");
      Throwable failure = catchThrowable(() -> insertAgain(t.jdbi()));
      assertThat(failure).isNotNull();
      assertThat(chain(failure))
          .contains("insert into contacts")
          .doesNotContain(EMAIL)
          .doesNotContain("Privatename");

      ListAppender<ILoggingEvent> logs = new ListAppender<>();
      logs.start();
      Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
      root.addAppender(logs);
      Javalin web =
          Web.create(cfg -> cfg.routes.post("/boom", ctx -> insertAgain(t.jdbi()))).start(0);
      try {
        Http.Response r = new Http(web.port()).postJson("/boom", "{}");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.json().get("message").asText())
            .contains("not recorded")
            .contains("retry")
            .doesNotContain("nothing was lost");
      } finally {
        web.stop();
        root.detachAppender(logs);
      }
      List<String> lines = new ArrayList<>();
      for (ILoggingEvent e : logs.list) {
        StringBuilder line = new StringBuilder(e.getFormattedMessage());
        for (IThrowableProxy p = e.getThrowableProxy(); p != null; p = p.getCause()) {
          line.append(" | ").append(p.getClassName()).append(": ").append(p.getMessage());
        }
        lines.add(line.toString());
      }
      assertThat(lines).anySatisfy(l -> assertThat(l).contains("unexpected error on POST /boom"));
      assertThat(lines)
          .noneSatisfy(l -> assertThat(l).containsAnyOf(EMAIL, "dup.private", "Privatename"));
    }
  }

  private static void insertAgain(Jdbi jdbi) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into contacts (id, email, first_name, signed_up_at, updated_at)"
                        + " values ('x', :email, :first, 0, 0)")
                .bind("email", EMAIL)
                .bind("first", "Privatename")
                .execute());
  }

  private static String chain(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable c = e; c != null; c = c.getCause()) {
      all.append(c).append(" | ").append(c.getMessage()).append('\n');
    }
    return all.toString();
  }
}
