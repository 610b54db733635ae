package ca.businessx.nurture.contact;

import ca.businessx.nurture.platform.Rows;
import ca.businessx.nurture.segment.Segment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for contacts and their assessments. Every method runs on the caller's handle. */
public final class ContactRepository {
  /** The columns {@link #map} reads, for statements elsewhere that return a contact. */
  public static final String COLUMNS =
      "id, email, name, first_name, business_name, segment, red_systems, orange_systems,"
          + " yellow_systems, green_systems, assessment_score, signed_up_at, assessed_at, timezone,"
          + " province, postal_code, language";

  public Optional<Contact> findByEmail(Handle h, String email) {
    return h.createQuery("select " + COLUMNS + " from contacts where email = :email")
        .bind("email", email)
        .map(ContactRepository::map)
        .findOne();
  }

  public Optional<Contact> find(Handle h, String id) {
    return h.createQuery("select " + COLUMNS + " from contacts where id = :id")
        .bind("id", id)
        .map(ContactRepository::map)
        .findOne();
  }

  /** The contacts with these ids that exist, by id, in one statement. */
  public java.util.Map<String, Contact> findAll(Handle h, java.util.Collection<String> ids) {
    return Rows.byId(
        h, "select " + COLUMNS + " from contacts", ids, ContactRepository::map, Contact::id);
  }

  /** Inserts unless the email exists; answers whether this call inserted it. */
  public boolean insertIfAbsent(Handle h, String id, Signup s, Instant now) {
    return h.createUpdate(
                "insert into contacts (id, email, name, first_name, business_name, signed_up_at,"
                    + " updated_at, timezone, province, postal_code, language) values (:id, :email,"
                    + " :name, :first, :business, :now, :now, :tz, :province, :postal, :language)"
                    + " on conflict (email) do nothing")
            .bind("id", id)
            .bind("email", s.email())
            .bind("name", s.name())
            .bind("first", s.firstName())
            .bind("business", s.businessName())
            .bind("now", now.toEpochMilli())
            .bindMap(locale(s.locale()))
            .execute()
        == 1;
  }

  /**
   * Appends the evidence to {@link ConsentRecords}; the contact's own consent columns keep the
   * first evidence and are never overwritten.
   */
  public void recordConsent(
      Handle h, String id, ConsentRecords.Kind kind, ConsentEvidence c, Instant now) {
    new ConsentRecords().append(h, id, kind, c, now);
    h.createUpdate(
            "update contacts set consent_source = :source, consent_at = :now, consent_ip = :ip,"
                + " consent_text = :text where id = :id and consent_at is null")
        .bind("id", id)
        .bind("source", c.source())
        .bind("ip", c.clientIp())
        .bind(
            "text", c.text() != null ? c.text() : c.formId() == null ? null : "form " + c.formId())
        .bind("now", now.toEpochMilli())
        .execute();
  }

  /** One stored assessment as it was received, if it exists. */
  public Optional<Assessment> assessment(Handle h, String assessmentId) {
    return h.createQuery(
            "select c.email, a.red_systems, a.orange_systems, a.yellow_systems, a.green_systems,"
                + " a.assessment_score from assessments a join contacts c on c.id = a.contact_id"
                + " where a.id = :id")
        .bind("id", assessmentId)
        .map(
            (rs, ctx) ->
                new Assessment(
                    rs.getString("email"),
                    rs.getInt("red_systems"),
                    rs.getInt("orange_systems"),
                    rs.getInt("yellow_systems"),
                    rs.getInt("green_systems"),
                    Rows.decimal(rs, "assessment_score")))
        .findOne();
  }

  public void recordAssessment(
      Handle h, String contactId, String assessmentId, Assessment a, Instant now) {
    bindAssessment(
            h.createUpdate(
                "insert into assessments (id, contact_id, red_systems, orange_systems, yellow_systems,"
                    + " green_systems, assessment_score, segment, received_at) values (:aid, :id, :red,"
                    + " :orange, :yellow, :green, :score, :segment, :now)"),
            contactId,
            a,
            now)
        .bind("aid", assessmentId)
        .execute();
    bindAssessment(
            h.createUpdate(
                "update contacts set segment = :segment, red_systems = :red, orange_systems = :orange,"
                    + " yellow_systems = :yellow, green_systems = :green, assessment_score = :score,"
                    + " assessed_at = :now, updated_at = :now where id = :id"),
            contactId,
            a,
            now)
        .execute();
  }

  private static org.jdbi.v3.core.statement.Update bindAssessment(
      org.jdbi.v3.core.statement.Update u, String contactId, Assessment a, Instant now) {
    return u.bind("id", contactId)
        .bind("red", a.redSystems())
        .bind("orange", a.orangeSystems())
        .bind("yellow", a.yellowSystems())
        .bind("green", a.greenSystems())
        .bind("score", a.assessmentScore())
        .bind("segment", a.segment().name())
        .bind("now", now.toEpochMilli());
  }

  private static java.util.Map<String, Object> locale(LeadLocale l) {
    java.util.Map<String, Object> m = new java.util.HashMap<>();
    m.put("tz", l.timezone() == null ? null : l.timezone().getId());
    m.put("province", l.province() == null ? null : l.province().name());
    m.put("postal", l.postalCode());
    m.put("language", l.language() == null ? null : l.language().code());
    return m;
  }

  /**
   * The stored locale; a value no longer understood (a zone a newer JDK dropped) reads as unknown.
   */
  private static LeadLocale locale(ResultSet rs) throws SQLException {
    String tz = rs.getString("timezone");
    java.time.ZoneId zone = null;
    if (tz != null) {
      try {
        zone = java.time.ZoneId.of(tz);
      } catch (java.time.DateTimeException e) {
        zone = null;
      }
    }
    return new LeadLocale(
        zone,
        ca.businessx.nurture.calendar.Province.ofCode(rs.getString("province")).orElse(null),
        rs.getString("postal_code"),
        Language.ofCode(rs.getString("language")).orElse(null));
  }

  public static Contact map(ResultSet rs, StatementContext ctx) throws SQLException {
    String segment = rs.getString("segment");
    return new Contact(
        rs.getString("id"),
        rs.getString("email"),
        rs.getString("name"),
        rs.getString("first_name"),
        rs.getString("business_name"),
        segment == null ? null : Segment.valueOf(segment),
        Rows.integer(rs, "red_systems"),
        Rows.integer(rs, "orange_systems"),
        Rows.integer(rs, "yellow_systems"),
        Rows.integer(rs, "green_systems"),
        Rows.decimal(rs, "assessment_score"),
        Rows.instant(rs, "signed_up_at"),
        Rows.instant(rs, "assessed_at"),
        locale(rs));
  }
}
