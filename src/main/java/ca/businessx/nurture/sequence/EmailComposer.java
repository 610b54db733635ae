package ca.businessx.nurture.sequence;

import ca.businessx.nurture.contact.Contact;
import ca.businessx.nurture.email.UnsubscribeLinks;
import ca.businessx.nurture.link.TrackedLinks;
import ca.businessx.nurture.platform.Config;
import ca.businessx.nurture.template.RenderedEmail;
import ca.businessx.nurture.template.TemplateModel;
import ca.businessx.nurture.template.TemplateRenderer;
import java.util.Map;

/**
 * Renders a template for a contact with the sender's identity and its unsubscribe link; an email
 * that will be sent has its links turned into tracked redirects (previews keep the real links).
 */
public final class EmailComposer {
  private final TemplateRenderer renderer;
  private final Config.Sender sender;
  private final UnsubscribeLinks links;
  private final TrackedLinks tracked;

  public EmailComposer(
      TemplateRenderer renderer,
      Config.Sender sender,
      UnsubscribeLinks links,
      TrackedLinks tracked) {
    this.renderer = renderer;
    this.sender = sender;
    this.links = links;
    this.tracked = tracked;
  }

  /** The email to store under {@code emailKey}, its links through the click redirect. */
  public RenderedEmail render(String templateKey, Contact contact, String emailKey) {
    RenderedEmail r = render(templateKey, contact);
    return new RenderedEmail(
        r.templateKey(),
        r.subject(),
        tracked.track(r.html(), emailKey, templateKey, contact.segment()),
        r.origin(),
        r.language(),
        r.subjectB(),
        r.hasSubjectB() ? tracked.track(r.htmlB(), emailKey, templateKey, contact.segment()) : null,
        r.sourceHash());
  }

  public RenderedEmail render(String templateKey, Contact contact) {
    return renderer.render(templateKey, TemplateModel.of(contact, sender, links.url(contact.id())));
  }

  /** The one-click unsubscribe headers of every email to this contact. */
  public Map<String, String> headers(String contactId) {
    return links.headers(contactId);
  }
}
