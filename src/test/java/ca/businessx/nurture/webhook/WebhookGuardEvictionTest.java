package ca.businessx.nurture.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import ca.businessx.nurture.platform.ClientAddress;
import ca.businessx.nurture.platform.Json;
import ca.businessx.nurture.platform.Web;
import ca.businessx.nurture.support.Http;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A spray of fresh addresses past the table's bound forgets the quietest clients, never the busy
 * one: a flooding client stays limited (the old guard cleared every bucket past the bound).
 */
class WebhookGuardEvictionTest {
  static final int CAPACITY = 20;

  @Test
  void aSprayOfAddressesDoesNotResetAFloodersBucket() {
    Javalin web =
        Web.create(
            cfg -> {
              cfg.jsonMapper(new JavalinJackson(Json.mapper(), false));
              new WebhookGuard(
                      0.01, 2, Set.of(), new ClientAddress(ClientAddress.LOOPBACK), CAPACITY)
                  .register(cfg);
              cfg.routes.post("/webhook/signup", ctx -> ctx.status(201));
            });
    web.start("127.0.0.1", 0);
    try {
      Http http = new Http(web.port());
      assertThat(post(http, "198.51.100.7")).isEqualTo(201);
      assertThat(post(http, "198.51.100.7")).isEqualTo(201);
      assertThat(post(http, "198.51.100.7")).isEqualTo(429);
      for (int i = 0; i < CAPACITY * 3; i++) {
        assertThat(post(http, "203.0.113." + i)).isEqualTo(201);
        if (i % 5 == 0) {
          assertThat(post(http, "198.51.100.7")).as("still limited after " + i).isEqualTo(429);
        }
      }
    } finally {
      web.stop();
    }
  }

  static int post(Http http, String client) {
    return http.send(
            HttpRequest.newBuilder(URI.create(http.base() + "/webhook/signup"))
                .header("X-Forwarded-For", client)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build())
        .status();
  }
}
