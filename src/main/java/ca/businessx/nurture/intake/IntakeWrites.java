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
import ca.businessx.nurture.platform.PlainSql;
import ca.businessx.nurture.segment.Segment;
import ca.businessx.nurture.suppression.SuppressionList;
import ca.businessx.nurture.suppression.SuppressionReason;
import java.sql.Connection;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

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

  /** {@code previous} is the contact's segment before this assessment, null if it had none. */
  record Assessed(Contact contact, String assessmentId, Segment previous, boolean suppressed) {
    boolean segmentChanged() {
      return contact.segment() != previous;
    }
  }

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

  private static final PlainSql SQLITE_SIGNUP_SQL = new PlainSql(SQLITE_SIGNUP);
  private static final PlainSql PG_SIGNUP_SQL = new PlainSql(PG_SIGNUP);
  private static final PlainSql SIGNUP_EVENT_SQL = new PlainSql(SIGNUP_EVENT);
  private static final PlainSql CONSENT_RECORD_SQL = new PlainSql(CONSENT_RECORD);
  private static final PlainSql SQLITE_ASSESS_SQL = new PlainSql(SQLITE_ASSESS);
  private static final PlainSql PG_ASSESS_SQL = new PlainSql(PG_ASSESS);
  private static final PlainSql ASSESSMENT_ROW_SQL = new PlainSql(ASSESSMENT_ROW);
  private static final PlainSql ASSESSED_EVENT_SQL = new PlainSql(ASSESSED_EVENT);

  private final boolean postgresql;
  private final Timeline timeline;

  IntakeWrites(Database.Kind kind, Timeline timeline) {
    this.postgresql = kind == Database.Kind.POSTGRESQL;
    this.timeline = timeline;
  }

  /**
   * A signup's values, worked out before it queues for the writer (ids, the address's hash, the
   * consent wording), so the single SQLite writer spends its time on the statements alone.
   */
  static final class SignupValues {
    private final String id = Ids.newId();
    private final Map<String, Object> v = new HashMap<>();

    SignupValues(Signup s, ConsentEvidence c, Instant now, long seq) {
      LeadLocale l = s.locale();
      v.put("id", id);
      v.put("email", s.email());
      v.put("name", s.name());
      v.put("first", s.firstName());
      v.put("business", s.businessName());
      v.put("now", now.toEpochMilli());
      v.put("tz", l.timezone() == null ? null : l.timezone().getId());
      v.put("province", l.province() == null ? null : l.province().name());
      v.put("postal", l.postalCode());
      v.put("language", l.language() == null ? null : l.language().code());
      v.put("source", c.source());
      v.put("ip", c.clientIp());
      // The contact's own column names the form when the evidence has no wording.
      v.put(
          "ctext", c.text() != null ? c.text() : c.formId() == null ? null : "form " + c.formId());
      v.put("hash", SuppressionList.hash(s.email()));
      v.put("eid", Ids.newId());
      v.put("seq", seq);
      v.put("rid", Ids.newId());
      v.put("rtext", c.text());
      v.put("form", c.formId());
      v.put("explicit", c.explicit() ? 1 : 0);
    }
  }

  SignupValues signupValues(Signup s, ConsentEvidence c, Instant now) {
    return new SignupValues(s, c, now, timeline.nextSeq());
  }

  SignedUp signup(Handle h, SignupValues values, ConsentEvidence c) {
    Connection conn = h.getConnection();
    Map<String, Object> v = values.v;
    SignedUp done =
        (postgresql ? PG_SIGNUP_SQL : SQLITE_SIGNUP_SQL)
            .one(
                conn,
                v,
                rs -> {
                  String reason = rs.getString("suppressed");
                  return new SignedUp(
                      ContactRepository.map(rs, null),
                      values.id.equals(rs.getString("id")),
                      Optional.ofNullable(reason).map(SuppressionReason::valueOf));
                })
            .orElseThrow();
    if (!postgresql) {
      v.put("contact", done.contact().id());
      v.put("kind", done.created() ? "signed_up" : "signed_up_again");
      SIGNUP_EVENT_SQL.execute(conn, v);
      if (!becomesResubscription(done, c)) {
        CONSENT_RECORD_SQL.execute(conn, v);
      }
    }
    return done;
  }

  /** An explicit opt-in after an unsubscribe asks for a re-subscription instead of consenting. */
  static boolean becomesResubscription(SignedUp done, ConsentEvidence c) {
    return c.explicit()
        && done.suppressed().filter(r -> r == SuppressionReason.UNSUBSCRIBED).isPresent();
  }

  /** An assessment's values, worked out before it queues for the writer. */
  static final class AssessmentValues {
    private final String assessmentId = Ids.newId();
    private final Segment segment;
    private final Map<String, Object> v = new HashMap<>();

    AssessmentValues(Assessment a, Instant now, long seq) {
      segment = a.segment();
      v.put("email", a.email());
      v.put("hash", SuppressionList.hash(a.email()));
      v.put("red", a.redSystems());
      v.put("orange", a.orangeSystems());
      v.put("yellow", a.yellowSystems());
      v.put("green", a.greenSystems());
      v.put("score", a.assessmentScore());
      v.put("segment", segment.name());
      v.put("now", now.toEpochMilli());
      v.put("aid", assessmentId);
      v.put("eid", Ids.newId());
      v.put("seq", seq);
      v.put("detail", "segment " + segment);
    }
  }

  AssessmentValues assessmentValues(Assessment a, Instant now) {
    return new AssessmentValues(a, now, timeline.nextSeq());
  }

  /** Empty when no contact has this email; then nothing was written. */
  Optional<Assessed> assess(Handle h, AssessmentValues values) {
    Connection conn = h.getConnection();
    Map<String, Object> v = values.v;
    Optional<Assessed> done =
        (postgresql ? PG_ASSESS_SQL : SQLITE_ASSESS_SQL)
            .one(
                conn,
                v,
                rs ->
                    new Assessed(
                        ContactRepository.map(rs, null),
                        values.assessmentId,
                        segmentOf(rs.getString("previous_segment")),
                        rs.getBoolean("suppressed")));
    if (done.isPresent() && !postgresql) {
      v.put("contact", done.get().contact().id());
      ASSESSMENT_ROW_SQL.execute(conn, v);
      ASSESSED_EVENT_SQL.execute(conn, v);
    }
    return done;
  }

  private static Segment segmentOf(String name) {
    return name == null ? null : Segment.valueOf(name);
  }
}
