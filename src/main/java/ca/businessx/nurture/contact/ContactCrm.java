package ca.businessx.nurture.contact;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The port to the team's CRM (Notion by default). The service's own database stays the source of
 * truth; the CRM is kept current by durable sync jobs and may be slow or down at any time.
 */
public interface ContactCrm {

  String name();

  /** The CRM's record of a lead, looked up by normalised email. */
  Optional<CrmContact> findByEmail(String email) throws CrmException;

  /**
   * Creates the lead's record, or updates it when {@code knownPageId} (or a record with the same
   * email) exists. Answers the record as stored, with its page id and URL.
   */
  CrmContact upsert(CrmContact contact, String knownPageId) throws CrmException;

  /** Moves a record out of sight (archive or trash), for a person's right to erasure. */
  void archive(String pageId) throws CrmException;

  /**
   * Records edited at or after {@code since}, so that people's changes (a stop) reach the service.
   */
  List<CrmContact> editedSince(Instant since) throws CrmException;
}
