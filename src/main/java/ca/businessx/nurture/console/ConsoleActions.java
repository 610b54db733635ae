package ca.businessx.nurture.console;

import ca.businessx.nurture.email.EmailRecord;
import ca.businessx.nurture.platform.ApiError;
import ca.businessx.nurture.sequence.Enrollment;
import ca.businessx.nurture.sequence.SequenceControl;
import ca.businessx.nurture.sequence.SequenceControlException;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The four operator actions, as console form posts (redirect back) and as JSON API calls. */
final class ConsoleActions {
  static final String STOP_REASON = "stopped by an operator";

  private final SequenceControl control;
  private final ConsoleAuth auth;

  ConsoleActions(SequenceControl control, ConsoleAuth auth) {
    this.control = control;
    this.auth = auth;
  }

  void stopForm(Context ctx) {
    form(ctx, "stopped", () -> control.stop(ctx.pathParam("id"), STOP_REASON));
  }

  void resumeForm(Context ctx) {
    form(ctx, "resumed", () -> control.resume(ctx.pathParam("id")));
  }

  void resumeApi(Context ctx) {
    ConsoleAuth.checkOrigin(ctx);
    ctx.json(enrollment(api(() -> control.resume(ctx.pathParam("id")))));
  }

  void sendNextForm(Context ctx) {
    form(ctx, "sent_next", () -> control.sendNext(ctx.pathParam("id")));
  }

  void retryForm(Context ctx) {
    form(ctx, "retried", () -> control.retry(ctx.pathParam("id")));
  }

  void skipForm(Context ctx) {
    form(ctx, "skipped", () -> control.skip(ctx.pathParam("id")));
  }

  void stopApi(Context ctx) {
    ConsoleAuth.checkOrigin(ctx);
    ctx.json(enrollment(api(() -> control.stop(ctx.pathParam("id"), STOP_REASON))));
  }

  void sendNextApi(Context ctx) {
    ConsoleAuth.checkOrigin(ctx);
    ctx.json(enrollment(api(() -> control.sendNext(ctx.pathParam("id")))));
  }

  void retryApi(Context ctx) {
    ConsoleAuth.checkOrigin(ctx);
    ctx.json(email(api(() -> control.retry(ctx.pathParam("id")))));
  }

  void skipApi(Context ctx) {
    ConsoleAuth.checkOrigin(ctx);
    ctx.json(email(api(() -> control.skip(ctx.pathParam("id")))));
  }

  private void form(Context ctx, String done, Supplier<?> action) {
    auth.checkPost(ctx);
    String back = ctx.formParam("back");
    // Only back into the console: the parameter must not become an open redirect.
    if (back == null
        || !back.startsWith("/console")
        || back.startsWith("//")
        || back.contains("\\")) {
      back = "/console";
    }
    String separator = back.contains("?") ? "&" : "?";
    try {
      action.get();
      ctx.redirect(back + separator + "notice=" + done);
    } catch (SequenceControlException e) {
      ctx.redirect(back + separator + "error=" + encode(e.getMessage()));
    }
  }

  private static <T> T api(Supplier<T> action) {
    try {
      return action.get();
    } catch (SequenceControlException e) {
      boolean missing = e.reason() == SequenceControlException.Reason.NOT_FOUND;
      throw new ApiError(missing ? 404 : 409, missing ? "not_found" : "conflict", e.getMessage());
    }
  }

  private static Map<String, Object> enrollment(Enrollment e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("enrollment", e);
    return body;
  }

  private static Map<String, Object> email(EmailRecord e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", e.id());
    m.put("contact_id", e.contactId());
    m.put("step", e.step());
    m.put("template", e.templateKey());
    m.put("state", e.state());
    m.put("attempts", e.attempts());
    return Map.of("email", m);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
