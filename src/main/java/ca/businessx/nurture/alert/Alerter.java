package ca.businessx.nurture.alert;

/** The port for telling people about a hot lead. A failing alerter never holds up the sequence. */
public interface Alerter {

  String name();

  /**
   * @throws AlertException when the alert could not be delivered and may be retried
   */
  void criticalLead(LeadAlert alert) throws AlertException;

  /**
   * Tells the team something short about a lead (a booking, a cancellation).
   *
   * @throws AlertException when the notice could not be delivered and may be retried
   */
  void notice(TeamNotice notice) throws AlertException;
}
