package ca.businessx.nurture.admin;

import ca.businessx.nurture.contact.Contact;
import ca.businessx.nurture.contact.ContactRepository;
import ca.businessx.nurture.contact.Timeline;
import ca.businessx.nurture.email.EmailRecord;
import ca.businessx.nurture.email.EmailRepository;
import ca.businessx.nurture.email.OutboxRepository;
import ca.businessx.nurture.engagement.EngagementScore;
import ca.businessx.nurture.engagement.Engagements;
import ca.businessx.nurture.platform.ApiError;
import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.sequence.EnrollmentRepository;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read-only JSON views of contacts, their emails and the outbox, for people and tests. */
public final class InspectionRoutes {
  private final Database db;
  private final AdminGuard guard;
  private final ContactRepository contacts = new ContactRepository();
  private final EnrollmentRepository enrollments = new EnrollmentRepository();
  private final EmailRepository emails = new EmailRepository();
  private final OutboxRepository outbox = new OutboxRepository();
  private final Timeline timeline = new Timeline();
  private final ca.businessx.nurture.contact.ProfileProposals proposals =
      new ca.businessx.nurture.contact.ProfileProposals();

  private final Engagements engagements;
  private final Clock clock;

  public InspectionRoutes(Database db, AdminGuard guard, Engagements engagements, Clock clock) {
    this.db = db;
    this.guard = guard;
    this.engagements = engagements;
    this.clock = clock;
  }

  public void register(JavalinConfig cfg) {
    cfg.routes.before("/api/*", guard::check);
    cfg.routes.get("/api/contacts/{id}", this::contact);
    cfg.routes.get("/api/emails", this::emails);
    cfg.routes.get("/api/outbox", this::outbox);
  }

  private void contact(Context ctx) {
    String id = ctx.pathParam("id");
    Map<String, Object> body =
        db.withHandle(
            h -> {
              Contact c =
                  contacts
                      .find(h, id)
                      .orElseThrow(
                          () -> new ApiError(404, "contact_not_found", "no contact with id " + id));
              Map<String, Object> view = new LinkedHashMap<>();
              view.put("contact", c);
              view.put("segment", c.segment());
              view.put("enrollment", enrollments.ofContact(h, id).orElse(null));
              view.put(
                  "emails", emails.ofContact(h, id).stream().map(EmailRecord::summary).toList());
              view.put("proposals", proposals.open(h, id));
              Engagements.Standing standing = engagements.standing(h, id, clock.instant());
              Map<String, Object> engagement = new LinkedHashMap<>();
              engagement.put("score", EngagementScore.rounded(standing.score()));
              engagement.put("last_engaged", standing.lastEngaged().orElse(null));
              view.put("engagement", engagement);
              view.put("timeline", timeline.of(h, id));
              return view;
            });
    ctx.json(body);
  }

  private void emails(Context ctx) {
    Optional<String> contactId = Optional.ofNullable(ctx.queryParam("contact_id"));
    int limit = limit(ctx);
    List<Map<String, Object>> list =
        db.withHandle(h -> emails.recent(h, contactId, limit)).stream()
            .map(EmailRecord::summary)
            .toList();
    ctx.json(Map.of("emails", list));
  }

  private void outbox(Context ctx) {
    int limit = limit(ctx);
    ctx.json(Map.of("emails", db.withHandle(h -> outbox.recent(h, limit))));
  }

  private static int limit(Context ctx) {
    String raw = ctx.queryParam("limit");
    if (raw == null) {
      return 50;
    }
    try {
      int limit = Integer.parseInt(raw);
      if (limit >= 1 && limit <= 500) {
        return limit;
      }
    } catch (NumberFormatException ignored) {
      // falls through to the error below
    }
    throw new ApiError(400, "invalid_limit", "limit must be a whole number from 1 to 500");
  }
}
