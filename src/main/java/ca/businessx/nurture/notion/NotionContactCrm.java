package ca.businessx.nurture.notion;

import ca.businessx.nurture.contact.ContactCrm;
import ca.businessx.nurture.contact.CrmContact;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The contacts database as the team's CRM. Emails are stored and looked up lower-case. */
public final class NotionContactCrm implements ContactCrm {
  private final NotionClient client;
  private final String databaseId;
  private final PropertyNames names;
  private final ContactMapping mapping;

  public NotionContactCrm(NotionClient client, NotionSettings settings) {
    this.client = client;
    this.databaseId = settings.contactsDbId();
    this.names = settings.names();
    this.mapping = new ContactMapping(settings.names());
  }

  @Override
  public String name() {
    return "notion";
  }

  /**
   * How long a look-up waits for a rate-limit permit: it runs on a web thread, which answers 503
   * with Retry-After instead of queueing behind background syncs.
   */
  static final Duration LOOKUP_PERMIT_WAIT = Duration.ofSeconds(2);

  @Override
  public Optional<CrmContact> findByEmail(String email) {
    return client.query(databaseId, emailFilter(email), LOOKUP_PERMIT_WAIT).stream()
        .findFirst()
        .map(mapping::fromPage);
  }

  @Override
  public CrmContact upsert(CrmContact contact, String knownPageId) {
    ObjectNode properties = mapping.toProperties(contact);
    if (knownPageId != null) {
      try {
        return mapping.fromPage(client.updatePage(knownPageId, properties));
      } catch (NotionException e) {
        // A page someone deleted in Notion: find the lead by email or create it again.
        if (!e.notFound()) {
          throw e;
        }
      }
    }
    Optional<NotionPage> existing =
        contact.email() == null ? Optional.empty() : findPage(contact.email());
    NotionPage stored =
        existing.isPresent()
            ? client.updatePage(existing.get().id(), properties)
            : client.createPage(databaseId, properties);
    return mapping.fromPage(stored);
  }

  @Override
  public void archive(String pageId) {
    client.archivePage(pageId);
  }

  /**
   * Pages edited at or after {@code since}. Notion rounds {@code last_edited_time} down to the
   * minute, so a poller should overlap its windows by a minute and tolerate repeats.
   */
  @Override
  public List<CrmContact> editedSince(Instant since) {
    ObjectNode filter = NotionHttp.JSON.createObjectNode().put("timestamp", "last_edited_time");
    filter.putObject("last_edited_time").put("on_or_after", since.toString());
    return client.query(databaseId, filter).stream().map(mapping::fromPage).toList();
  }

  private Optional<NotionPage> findPage(String email) {
    // Oldest first: if people made duplicates, Nurture keeps writing to the original.
    return client.query(databaseId, emailFilter(email)).stream().findFirst();
  }

  private ObjectNode emailFilter(String email) {
    ObjectNode filter = NotionHttp.JSON.createObjectNode().put("property", names.email());
    filter.putObject("email").put("equals", ContactMapping.normaliseEmail(email));
    return filter;
  }
}
