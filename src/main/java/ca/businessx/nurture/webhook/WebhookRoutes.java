package ca.businessx.nurture.webhook;

import ca.businessx.nurture.contact.Assessment;
import ca.businessx.nurture.contact.ConsentEvidence;
import ca.businessx.nurture.contact.CrmException;
import ca.businessx.nurture.contact.Signup;
import ca.businessx.nurture.intake.LeadIntake;
import ca.businessx.nurture.intake.UnknownContactException;
import ca.businessx.nurture.platform.ApiError;
import ca.businessx.nurture.platform.ClientAddress;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** The website's two webhooks: thin handlers that validate, call one intake operation, answer. */
public final class WebhookRoutes {
  public static final int MAX_COUNT = 1000;
  public static final double MAX_SCORE = 100;
  private static final String CLAIMED = "nurture.claimedSignature";

  private final LeadIntake intake;
  private final WebhookSignature signature;
  private final ClientAddress clients;

  public WebhookRoutes(LeadIntake intake, WebhookSignature signature, ClientAddress clients) {
    this.intake = intake;
    this.signature = signature;
    this.clients = clients;
  }

  public void register(JavalinConfig cfg) {
    cfg.routes.post("/webhook/signup", ctx -> releasingOnFailure(ctx, this::signup));
    cfg.routes.post("/webhook/assessment", ctx -> releasingOnFailure(ctx, this::assessment));
  }

  /**
   * A request that fails on our side (5xx) gives its signature back, so the website may resend the
   * same signed request; one refused for what it carries (4xx) keeps it spent.
   */
  private void releasingOnFailure(Context ctx, io.javalin.http.Handler handler) throws Exception {
    try {
      handler.handle(ctx);
    } catch (ApiError e) {
      if (e.status() >= 500) {
        release(ctx);
      }
      throw e;
    } catch (RuntimeException e) {
      release(ctx);
      throw e;
    }
  }

  private void release(Context ctx) {
    String key = ctx.attribute(CLAIMED);
    if (key != null) {
      signature.release(key);
    }
  }

  private void signup(Context ctx) {
    Fields f = fields(ctx);
    Signup signup =
        new Signup(
            f.email("email"),
            f.text("name", 200),
            f.text("first_name", 100),
            f.text("business_name", 200),
            f.locale());
    String consentText = f.text("consent_text", 2000);
    String formId = f.text("form_id", 200);
    boolean explicit = f.flag("consent");
    Map<String, String> attributes = f.others();
    f.throwIfInvalid();
    LeadIntake.SignupResult result =
        intake.signup(
            signup,
            new ConsentEvidence("signup_webhook", clients.of(ctx), consentText, formId, explicit),
            attributes);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("contact_id", result.contact().id());
    body.put("created", result.created());
    ctx.status(result.created() ? 201 : 200).json(body);
  }

  private void assessment(Context ctx) {
    Fields f = fields(ctx);
    Assessment assessment =
        new Assessment(
            f.email("email"),
            f.count("red_systems", MAX_COUNT),
            f.count("orange_systems", MAX_COUNT),
            f.count("yellow_systems", MAX_COUNT),
            f.count("green_systems", MAX_COUNT),
            f.score("assessment_score", MAX_SCORE));
    // Misspelt fields are refused here too; other fields belong to the signup form, not kept.
    f.others();
    f.throwIfInvalid();
    LeadIntake.AssessmentResult result;
    try {
      result = intake.assess(assessment);
    } catch (UnknownContactException e) {
      throw new ApiError(404, "contact_not_found", e.getMessage());
    } catch (CrmException e) {
      long seconds = e.retryAfter().map(d -> Math.max(1, d.toSeconds())).orElse(30L);
      ctx.header("Retry-After", Long.toString(seconds));
      throw new ApiError(
          503,
          "crm_unavailable",
          "this email is not known here and the CRM could not be asked; try again shortly");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("contact_id", result.contact().id());
    body.put("segment", result.segment().name());
    body.put("enrollment_id", result.enrollment() == null ? null : result.enrollment().id());
    body.put("enrolled", result.enrolled());
    if (result.suppressed()) {
      body.put("suppressed", true);
    }
    ctx.status(200).json(body);
  }

  private Fields fields(Context ctx) {
    byte[] raw = RequestBody.raw(ctx);
    signature.verify(ctx, raw).ifPresent(key -> ctx.attribute(CLAIMED, key));
    return new Fields(RequestBody.parse(ctx.contentType(), raw));
  }
}
