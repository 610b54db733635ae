package ca.businessx.nurture.email.resend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** The fake's outbox: what it accepted, and the batch answers built from per-item checks. */
final class FakeResendDelivery {
  private final ObjectMapper json;
  private final Clock clock;
  private final List<DeliveredEmail> delivered = new CopyOnWriteArrayList<>();

  FakeResendDelivery(ObjectMapper json, Clock clock) {
    this.json = json;
    this.clock = clock;
  }

  List<DeliveredEmail> delivered() {
    return List.copyOf(delivered);
  }

  int count() {
    return delivered.size();
  }

  String deliver(JsonNode email, String requestKey, boolean viaBatch) {
    String id = UUID.randomUUID().toString();
    Map<String, String> headers = new LinkedHashMap<>();
    email.path("headers").properties().forEach(h -> headers.put(h.getKey(), h.getValue().asText()));
    Map<String, String> tags = new LinkedHashMap<>();
    email
        .path("tags")
        .forEach(tag -> tags.put(tag.path("name").asText(), tag.path("value").asText()));
    delivered.add(
        new DeliveredEmail(
            id,
            requestKey,
            headers.get(ResendRequests.KEY_HEADER),
            email.path("from").asText(),
            FakeResendValidation.recipients(email.path("to")),
            email.path("subject").asText(),
            text(email, "html"),
            text(email, "text"),
            text(email, "reply_to"),
            Map.copyOf(headers),
            Map.copyOf(tags),
            viaBatch,
            clock.instant()));
    return id;
  }

  /** Strict: one bad item fails the whole batch. Permissive: good items go, bad ones are listed. */
  FakeResend.Answer deliverBatch(
      JsonNode batch, String key, boolean permissive, FakeResendValidation rules) {
    List<FakeResendValidation.Problem> problems = new ArrayList<>();
    batch.forEach(item -> problems.add(rules.email(item)));
    if (!permissive) {
      for (FakeResendValidation.Problem problem : problems) {
        if (problem != null) {
          ObjectNode body =
              json.createObjectNode()
                  .put("statusCode", problem.status())
                  .put("name", problem.name())
                  .put("message", problem.message());
          return new FakeResend.Answer(problem.status(), body);
        }
      }
    }
    ObjectNode answer = json.createObjectNode();
    ArrayNode data = answer.putArray("data");
    ArrayNode errors = answer.putArray("errors");
    for (int i = 0; i < batch.size(); i++) {
      if (problems.get(i) == null) {
        data.addObject().put("id", deliver(batch.get(i), key, true));
      } else {
        errors.addObject().put("index", i).put("message", problems.get(i).message());
      }
    }
    return new FakeResend.Answer(200, answer);
  }

  private static String text(JsonNode email, String field) {
    return email.hasNonNull(field) ? email.get(field).asText() : null;
  }
}
