package ca.businessx.nurture.engagement;

import ca.businessx.nurture.contact.CrmSyncQueue;
import ca.businessx.nurture.engagement.EngagementScore.Kind;
import ca.businessx.nurture.events.NurtureEvents;
import ca.businessx.nurture.platform.Config;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Told of each new engagement inside the transaction that records it: the CRM is to hear the new
 * score; a score that crosses {@code HOT_LEAD_SCORE} tells the team at once, and a booking-link
 * click schedules a look {@code HOT_LEAD_GRACE} later at whether the lead booked (see {@link
 * HotLeads}).
 */
public final class EngagementTracker {
  private final Engagements engagements;
  private final Config.Engagement settings;
  private final SchedulerClient integrations;
  private final CrmSyncQueue crmSync;
  private final HotLeads hot;
  private final NurtureEvents events;

  /**
   * @param integrations a client of the integration table on the transaction-aware data source
   */
  public EngagementTracker(
      Engagements engagements,
      Config.Engagement settings,
      SchedulerClient integrations,
      CrmSyncQueue crmSync,
      NurtureEvents events) {
    this.events = events;
    this.engagements = engagements;
    this.settings = settings;
    this.integrations = integrations;
    this.crmSync = crmSync;
    this.hot = new HotLeads(integrations);
  }

  public void engaged(Handle h, String contactId, Kind kind, Instant at) {
    engaged(h, contactId, kind, at, null);
  }

  /**
   * @param template the email engaged with, when known (a click); else the last one sent
   */
  public void engaged(Handle h, String contactId, Kind kind, Instant at, String template) {
    count(h, contactId, kind, template);
    crmSync.contactChanged(h, contactId, at);
    double after = engagements.standing(h, contactId, at).score();
    double before = after - engagements.rules().weight(kind);
    if (before < settings.hotLeadScore() && after >= settings.hotLeadScore()) {
      hot.notice(
          h,
          contactId,
          HotLeads.Reason.SCORE,
          "score:" + contactId + ":" + at.toEpochMilli(),
          after,
          at);
    }
    if (kind == Kind.BOOKING_CLICK) {
      String data = contactId + "|" + at.toEpochMilli();
      integrations.scheduleIfNotExists(
          new TaskInstance<>(HotLeads.CHECK_TASK, contactId, data),
          at.plus(settings.hotLeadGrace()));
    }
  }

  private void count(Handle h, String contactId, Kind kind, String template) {
    if (kind == Kind.OPEN) {
      return;
    }
    Attribution a = Attribution.of(h, contactId);
    String t = template != null ? template : a.template();
    if (kind == Kind.REPLY) {
      events.replied(a.segment(), t);
    } else {
      events.linkClicked(a.segment(), t, kind == Kind.BOOKING_CLICK);
    }
  }
}
