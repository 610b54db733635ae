package ca.businessx.nurture.intake;

import ca.businessx.nurture.contact.Assessment;
import ca.businessx.nurture.contact.ConsentEvidence;
import ca.businessx.nurture.contact.Contact;
import ca.businessx.nurture.contact.ContactRepository;
import ca.businessx.nurture.contact.LeadLocale;
import ca.businessx.nurture.contact.Signup;
import ca.businessx.nurture.contact.Timeline;
import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.platform.Ids;
import ca.businessx.nurture.segment.Segment;
import ca.businessx.nurture.suppression.SuppressionList;
import ca.businessx.nurture.suppression.SuppressionReason;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The set-based writes of the two lead webhooks. A signup is one upsert that answers the contact as
 * it now stands, whether it was created and whether the address is suppressed, followed by its
 * timeline and consent rows; an assessment is one update that answers the contact, its previous
 * segment and the suppression, followed by the assessment and timeline rows. Nothing is read first.
 * On PostgreSQL, where each statement is a round trip, the follow-up rows ride in the same
 * statement as data-modifying CTEs; on SQLite (no DML in CTEs) they are two short inserts.
 */
final class IntakeWrites {
  record SignedUp(Contact contact, boolean created, Optional<SuppressionReason> suppressed) {}

  record Assessed(
      Contact contact, String assessmentId, boolean segmentChanged, boolean suppressed) {}

  private static final String SUPPRESSION =
      "(select reason from suppressions where email_hash = :hash)";

  /**
   * A repeated signup fills only empty fields; the contact's consent columns keep the first
   * evidence, and a suppressed address records none there (its evidence goes to consent_records).
   */
  private static final String SIGNUP_UPSERT =
      "insert into contacts (id, email, name, first_name, business_name, signed_up_at, updated_at,"
          + " timezone, province, postal_code, language, consent_source, consent_at, consent_ip,"
          + " consent_text) select :id, :email, cast(:name as varchar),"
          + " cast(:first as varchar), cast(:business as varchar), :now, :now,"
          + " cast(:tz as varchar), cast(:province as varchar), cast(:postal as varchar),"
          + " cast(:language as varchar),"
          + " case when s.reason is null then cast(:source as varchar) end,"
          + " case when s.reason is null then :now end,"
          + " case when s.reason is null then cast(:ip as varchar) end,"
          + " case when s.reason is null then cast(:ctext as varchar) end"
          + " from (select "
          + SUPPRESSION
          + " as reason) s where true on conflict (email) do update set"
          + " name = coalesce(contacts.name, excluded.name),"
          + " first_name = coalesce(contacts.first_name, excluded.first_name),"
          + " business_name = coalesce(contacts.business_name, excluded.business_name),"
          + " timezone = coalesce(contacts.timezone, excluded.timezone),"
          + " province = coalesce(contacts.province, excluded.province),"
          + " postal_code = coalesce(contacts.postal_code, excluded.postal_code),"
          + " language = coalesce(contacts.language, excluded.language),"
          + " updated_at = excluded.updated_at,"
          + " consent_source = case when contacts.consent_at is null"
          + " then excluded.consent_source else contacts.consent_source end,"
          + " consent_ip = case when contacts.consent_at is null"
          + " then excluded.consent_ip else contacts.consent_ip end,"
          + " consent_text = case when contacts.consent_at is null"
          + " then excluded.consent_text else contacts.consent_text end,"
          + " consent_at = coalesce(contacts.consent_at, excluded.consent_at)";

  private static final String SIGNUP_EVENT =
      "insert into events (id, contact_id, at, seq, kind, detail)"
          + " values (:eid, :contact, :now, :seq, :kind, null)";

  private static final String CONSENT_RECORD =
      "insert into consent_records (id, contact_id, kind, source, client_ip, consent_text, form_id,"
          + " explicit_opt_in, at) values (:rid, :contact, 'SIGNUP', :source, :ip, :rtext, :form,"
          + " :explicit, :now)";

  private static final String SQLITE_SIGNUP =
      SIGNUP_UPSERT
          + " returning "
          + ContactRepository.COLUMNS
          + ", "
          + SUPPRESSION
          + " as suppressed";

  /** The evidence row is left out where the signup becomes a re-subscription request instead. */
  private static final String PG_SIGNUP =
      "with c as ("
          + SIGNUP_UPSERT
          + " returning "
          + ContactRepository.COLUMNS
          + "), s as (select "
          + SUPPRESSION
          + " as reason), e as (insert into events (id, contact_id, at, seq, kind, detail)"
          + " select :eid, c.id, :now, :seq, case when c.id = :id then 'signed_up'"
          + " else 'signed_up_again' end, null from c), r as (insert into consent_records (id,"
          + " contact_id, kind, source, client_ip, consent_text, form_id, explicit_opt_in, at)"
          + " select :rid, c.id, 'SIGNUP', cast(:source as varchar), cast(:ip as varchar),"
          + " cast(:rtext as varchar), cast(:form as varchar), :explicit, :now from c, s"
          + " where s.reason is distinct from 'UNSUBSCRIBED' or :explicit = 0)"
          + " select c.*, s.reason as suppressed from c, s";

  /** SET reads the old row: previous_segment gets the segment this assessment replaces. */
  private static final String ASSESS_UPDATE =
      "update contacts set previous_segment = segment, segment = :segment, red_systems = :red,"
          + " orange_systems = :orange, yellow_systems = :yellow, green_systems = :green,"
          + " assessment_score = :score, assessed_at = :now, updated_at = :now where email = :email"
          + " returning "
          + ContactRepository.COLUMNS
          + ", previous_segment";

  private static final String ASSESSMENT_ROW =
      "insert into assessments (id, contact_id, red_systems, orange_systems, yellow_systems,"
          + " green_systems, assessment_score, segment, received_at) values (:aid, :contact, :red,"
          + " :orange, :yellow, :green, :score, :segment, :now)";

  private static final String ASSESSED_EVENT =
      "insert into events (id, contact_id, at, seq, kind, detail)"
          + " values (:eid, :contact, :now, :seq, 'assessed', :detail)";

  private static final String SQLITE_ASSESS =
      ASSESS_UPDATE + ", " + SUPPRESSION + " is not null as suppressed";

  private static final String PG_ASSESS =
      "with c as ("
          + ASSESS_UPDATE
          + "), a as (insert into assessments (id, contact_id, red_systems, orange_systems,"
          + " yellow_systems, green_systems, assessment_score, segment, received_at)"
          + " select :aid, c.id, :red, :orange, :yellow, :green, cast(:score as double precision),"
          + " :segment, :now from c), e as (insert into events (id, contact_id, at, seq, kind,"
          + " detail) select :eid, c.id, :now, :seq, 'assessed', cast(:detail as varchar)"
          + " from c) select c.*, "
          + SUPPRESSION
          + " is not null as suppressed from c";

  private final Database.Kind kind;
  private final Timeline timeline;

  IntakeWrites(Database.Kind kind, Timeline timeline) {
    this.kind = kind;
    this.timeline = timeline;
  }

  SignedUp signup(Handle h, Signup s, ConsentEvidence c, Instant now) {
    String id = Ids.newId();
    long seq = timeline.nextSeq();
    String consentText =
        c.text() != null ? c.text() : c.formId() == null ? null : "form " + c.formId();
    var q =
        h.createQuery(kind == Database.Kind.POSTGRESQL ? PG_SIGNUP : SQLITE_SIGNUP)
            .bind("id", id)
            .bind("email", s.email())
            .bind("name", s.name())
            .bind("first", s.firstName())
            .bind("business", s.businessName())
            .bind("now", now.toEpochMilli())
            .bind("source", c.source())
            .bind("ip", c.clientIp())
            .bind("ctext", consentText)
            .bind("hash", SuppressionList.hash(s.email()));
    bindLocale(q, s.locale());
    if (kind == Database.Kind.POSTGRESQL) {
      bindSignupRows(q, seq, c);
    }
    SignedUp done =
        q.map(
                (rs, ctx) -> {
                  String reason = rs.getString("suppressed");
                  return new SignedUp(
                      ContactRepository.map(rs, ctx),
                      id.equals(rs.getString("id")),
                      Optional.ofNullable(reason).map(SuppressionReason::valueOf));
                })
            .one();
    if (kind != Database.Kind.POSTGRESQL) {
      String contact = done.contact().id();
      h.createUpdate(SIGNUP_EVENT)
          .bind("eid", Ids.newId())
          .bind("contact", contact)
          .bind("now", now.toEpochMilli())
          .bind("seq", seq)
          .bind("kind", done.created() ? "signed_up" : "signed_up_again")
          .execute();
      if (!becomesResubscription(done, c)) {
        bindEvidence(h.createUpdate(CONSENT_RECORD), c)
            .bind("contact", contact)
            .bind("now", now.toEpochMilli())
            .execute();
      }
    }
    return done;
  }

  /** An explicit opt-in after an unsubscribe asks for a re-subscription instead of consenting. */
  static boolean becomesResubscription(SignedUp done, ConsentEvidence c) {
    return c.explicit()
        && done.suppressed().filter(r -> r == SuppressionReason.UNSUBSCRIBED).isPresent();
  }

  /** The timeline and consent rows' values, for the statement that inserts both (PostgreSQL). */
  private static <S extends SqlStatement<S>> S bindSignupRows(S q, long seq, ConsentEvidence c) {
    return q.bind("eid", Ids.newId())
        .bind("seq", seq)
        .bind("rid", Ids.newId())
        .bind("rtext", c.text())
        .bind("form", c.formId())
        .bind("explicit", c.explicit() ? 1 : 0);
  }

  private static <S extends SqlStatement<S>> S bindEvidence(S q, ConsentEvidence c) {
    return q.bind("rid", Ids.newId())
        .bind("source", c.source())
        .bind("ip", c.clientIp())
        .bind("rtext", c.text())
        .bind("form", c.formId())
        .bind("explicit", c.explicit() ? 1 : 0);
  }

  private static void bindLocale(SqlStatement<?> q, LeadLocale l) {
    q.bind("tz", l.timezone() == null ? null : l.timezone().getId())
        .bind("province", l.province() == null ? null : l.province().name())
        .bind("postal", l.postalCode())
        .bind("language", l.language() == null ? null : l.language().code());
  }

  /** Empty when no contact has this email; then nothing was written. */
  Optional<Assessed> assess(Handle h, Assessment a, Instant now) {
    String assessmentId = Ids.newId();
    long seq = timeline.nextSeq();
    Segment segment = a.segment();
    String detail = "segment " + segment;
    var q =
        h.createQuery(kind == Database.Kind.POSTGRESQL ? PG_ASSESS : SQLITE_ASSESS)
            .bind("email", a.email())
            .bind("hash", SuppressionList.hash(a.email()));
    bindAssessment(q, a, now);
    if (kind == Database.Kind.POSTGRESQL) {
      q.bind("aid", assessmentId).bind("eid", Ids.newId()).bind("seq", seq).bind("detail", detail);
    }
    Optional<Assessed> done =
        q.map(
                (rs, ctx) -> {
                  String previous = rs.getString("previous_segment");
                  return new Assessed(
                      ContactRepository.map(rs, ctx),
                      assessmentId,
                      !segment.name().equals(previous),
                      rs.getBoolean("suppressed"));
                })
            .findOne();
    if (done.isPresent() && kind != Database.Kind.POSTGRESQL) {
      String contact = done.get().contact().id();
      bindAssessment(h.createUpdate(ASSESSMENT_ROW), a, now)
          .bind("aid", assessmentId)
          .bind("contact", contact)
          .execute();
      h.createUpdate(ASSESSED_EVENT)
          .bind("eid", Ids.newId())
          .bind("contact", contact)
          .bind("now", now.toEpochMilli())
          .bind("seq", seq)
          .bind("detail", detail)
          .execute();
    }
    return done;
  }

  private static <S extends SqlStatement<S>> S bindAssessment(S q, Assessment a, Instant now) {
    return q.bind("red", a.redSystems())
        .bind("orange", a.orangeSystems())
        .bind("yellow", a.yellowSystems())
        .bind("green", a.greenSystems())
        .bind("score", a.assessmentScore())
        .bind("segment", a.segment().name())
        .bind("now", now.toEpochMilli());
  }
}
