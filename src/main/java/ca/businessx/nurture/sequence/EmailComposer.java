package ca.businessx.nurture.sequence;

import ca.businessx.nurture.contact.Contact;
import ca.businessx.nurture.email.UnsubscribeLinks;
import ca.businessx.nurture.platform.Config;
import ca.businessx.nurture.template.RenderedEmail;
import ca.businessx.nurture.template.TemplateModel;
import ca.businessx.nurture.template.TemplateRenderer;
import java.util.Map;

/** Renders a template for a contact with the sender's identity and its unsubscribe link. */
public final class EmailComposer {
  private final TemplateRenderer renderer;
  private final Config.Sender sender;
  private final UnsubscribeLinks links;

  public EmailComposer(TemplateRenderer renderer, Config.Sender sender, UnsubscribeLinks links) {
    this.renderer = renderer;
    this.sender = sender;
    this.links = links;
  }

  public RenderedEmail render(String templateKey, Contact contact) {
    return renderer.render(templateKey, TemplateModel.of(contact, sender, links.url(contact.id())));
  }

  /** The one-click unsubscribe headers of every email to this contact. */
  public Map<String, String> headers(String contactId) {
    return links.headers(contactId);
  }
}
