package ca.businessx.nurture.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.App;
import ca.businessx.nurture.platform.Config;
import ca.businessx.nurture.platform.ConfigLoader;
import ca.businessx.nurture.support.Http;
import ca.businessx.nurture.support.TestApp;
import ca.businessx.nurture.support.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectionApiTest {
  @TempDir Path dir;

  @Test
  void withAnAdminTokenTheApiNeedsIt() {
    try (TestApp t =
        new TestApp(
            dir,
            TestDatabases.Kind.SQLITE,
            Map.of("ADMIN_TOKEN", "s3cret-token-for-the-inspection-api-test"))) {
      String id = t.signup("ana@example.ca", "Ana");
      Http.Response anonymous = t.http.get("/api/contacts/" + id);
      assertThat(anonymous.status()).isEqualTo(401);
      assertThat(anonymous.body()).doesNotContain("ana@example.ca");
      assertThat(new Http(t.app.port()).bearer("wrong").get("/api/emails").status()).isEqualTo(401);
      Http admin = new Http(t.app.port()).bearer("s3cret-token-for-the-inspection-api-test");
      assertThat(admin.get("/api/contacts/" + id).json().at("/contact/email").asText())
          .isEqualTo("ana@example.ca");
      assertThat(t.http.postJson("/webhook/signup", "{\"email\":\"bo@example.ca\"}").status())
          .as("webhooks stay open")
          .isEqualTo(201);
    }
  }

  @Test
  void emailsCanBeListedForOneContact() {
    try (TestApp t = new TestApp(dir, TestDatabases.Kind.SQLITE, Map.of())) {
      String ana = t.signup("ana@example.ca", "Ana");
      t.assess("ana@example.ca", 0, 0);
      t.signup("bo@example.ca", "Bo");
      t.assess("bo@example.ca", 2, 0);
      t.advance(Duration.ofDays(2), Duration.ofHours(1));
      JsonNode all = t.http.get("/api/emails").json().get("emails");
      JsonNode anas = t.http.get("/api/emails?contact_id=" + ana).json().get("emails");
      assertThat(all).hasSize(4);
      assertThat(anas)
          .hasSize(2)
          .allSatisfy(e -> assertThat(e.get("contact_id").asText()).isEqualTo(ana));
      assertThat(anas.get(0).get("template").asText()).isEqualTo("email_2c");
      assertThat(t.http.get("/api/emails?limit=0").status()).isEqualTo(400);
      assertThat(t.http.get("/api/contacts/nope").status()).isEqualTo(404);
      JsonNode outbox = t.http.get("/api/outbox?limit=1").json().get("emails");
      assertThat(outbox).hasSize(1);
      assertThat(outbox.get(0).get("html").asText()).contains("<html");
    }
  }

  @Test
  void healthSaysUpWhenTheDatabaseAndSchedulerRun() {
    Config config = ConfigLoader.load(Map.of("PORT", "0", "NURTURE_DATA_DIR", dir.toString()));
    try (App app = App.builder(config).start()) {
      Http http = new Http(app.port());
      Http.Response r = http.get("/health");
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.json().get("database").asText()).isEqualTo("up");
      assertThat(r.json().get("scheduler").asText()).isEqualTo("running");
      assertThat(http.get("/health/live").status()).isEqualTo(200);
      assertThat(http.get("/nope").json().get("error").asText()).isEqualTo("not_found");
      app.scheduler().stop();
      assertThat(http.get("/health").status()).isEqualTo(503);
    }
  }
}
