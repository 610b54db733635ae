package ca.businessx.nurture.sequence;

import ca.businessx.nurture.contact.Contact;
import ca.businessx.nurture.platform.Config;
import ca.businessx.nurture.template.RenderedEmail;
import ca.businessx.nurture.template.TemplateModel;
import ca.businessx.nurture.template.TemplateRenderer;

/** Renders a template for a contact with the sender's identity and links. */
public final class EmailComposer {
  private final TemplateRenderer renderer;
  private final Config.Sender sender;

  public EmailComposer(TemplateRenderer renderer, Config.Sender sender) {
    this.renderer = renderer;
    this.sender = sender;
  }

  public RenderedEmail render(String templateKey, Contact contact) {
    String unsubscribe = sender.publicBaseUrl() + "/unsubscribe";
    return renderer.render(templateKey, TemplateModel.of(contact, sender, unsubscribe));
  }
}
