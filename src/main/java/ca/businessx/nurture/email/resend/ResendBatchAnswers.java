package ca.businessx.nurture.email.resend;

import ca.businessx.nurture.email.BatchOutcome;
import ca.businessx.nurture.email.OutboundEmail;
import ca.businessx.nurture.email.ProviderText;
import ca.businessx.nurture.email.SendException;
import ca.businessx.nurture.email.SendResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a permissive batch answer, {@code {"data":[{"id"}...],"errors":[{"index","message"}...]}}:
 * {@code data} lists the accepted items in order, skipping the rejected indexes.
 */
final class ResendBatchAnswers {
  private final ObjectMapper json;

  ResendBatchAnswers(ObjectMapper json) {
    this.json = json;
  }

  List<BatchOutcome> outcomes(List<OutboundEmail> chunk, String body) {
    JsonNode answer;
    try {
      answer = json.readTree(body);
    } catch (IOException e) {
      return allFailed(chunk, "resend accepted the batch but its answer was not JSON");
    }
    Map<Integer, String> rejected = new HashMap<>();
    answer
        .path("errors")
        .forEach(
            error -> rejected.put(error.path("index").asInt(-1), error.path("message").asText("")));
    List<JsonNode> ids = new ArrayList<>();
    answer.path("data").forEach(ids::add);
    boolean indexesFit = rejected.keySet().stream().allMatch(i -> i >= 0 && i < chunk.size());
    if (!indexesFit || ids.size() + rejected.size() != chunk.size()) {
      // We cannot tell which items went out; a person must look rather than risk a second send.
      return allFailed(
          chunk,
          "resend answered "
              + ids.size()
              + " ids and "
              + rejected.size()
              + " errors for a batch of "
              + chunk.size());
    }
    Iterator<JsonNode> nextId = ids.iterator();
    List<BatchOutcome> outcomes = new ArrayList<>(chunk.size());
    for (int i = 0; i < chunk.size(); i++) {
      OutboundEmail email = chunk.get(i);
      if (rejected.containsKey(i)) {
        outcomes.add(
            BatchOutcome.failed(
                email,
                SendException.permanent(
                    "resend rejected this batch item: " + ProviderText.safe(rejected.get(i)))));
      } else {
        outcomes.add(BatchOutcome.sent(email, new SendResult(nextId.next().path("id").asText())));
      }
    }
    return outcomes;
  }

  private static List<BatchOutcome> allFailed(List<OutboundEmail> chunk, String message) {
    SendException failure = SendException.permanent(message);
    return chunk.stream().map(email -> BatchOutcome.failed(email, failure)).toList();
  }
}
