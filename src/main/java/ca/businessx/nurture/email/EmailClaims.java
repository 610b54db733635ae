package ca.businessx.nurture.email;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Which sender holds which pending emails: a dispatch group is the batch one provider call sends,
 * committed before the call; a claim holds it until its lease ends, so a sender that dies mid-call
 * is taken over, and a retry resends exactly the same group under the same key.
 */
public final class EmailClaims {
  /**
   * Claims an email for sending until {@code lease}, giving it {@code group} unless it already
   * belongs to one. Answers false when another sender holds it.
   */
  public boolean claim(Handle h, String id, String group, Instant lease, Instant now) {
    return h.createUpdate(
                "update emails set dispatch_group = coalesce(dispatch_group, :g), claimed_until = :lease"
                    + " where id = :id and state = 'PENDING'"
                    + " and (claimed_until is null or claimed_until <= :now)")
            .bind("id", id)
            .bind("g", group)
            .bind("lease", lease.toEpochMilli())
            .bind("now", now.toEpochMilli())
            .execute()
        == 1;
  }

  public String groupOf(Handle h, String id) {
    return h.createQuery("select dispatch_group from emails where id = :id")
        .bind("id", id)
        .mapTo(String.class)
        .one();
  }

  /** Adds up to {@code limit} other due, unclaimed, ungrouped emails to a new group. */
  public void claimMore(
      Handle h, String group, Instant lease, Instant now, int limit, boolean skipLocked) {
    List<String> ids =
        h.createQuery(
                "select id from emails where state = 'PENDING' and dispatch_group is null"
                    + " and next_attempt_at <= :now and (claimed_until is null or claimed_until <= :now)"
                    + " order by next_attempt_at, id limit :limit"
                    + (skipLocked ? " for update skip locked" : ""))
            .bind("now", now.toEpochMilli())
            .bind("limit", limit)
            .mapTo(String.class)
            .list();
    if (ids.isEmpty()) {
      return;
    }
    h.createUpdate(
            "update emails set dispatch_group = :g, claimed_until = :lease"
                + " where id in (<ids>) and dispatch_group is null")
        .bindList("ids", ids)
        .bind("g", group)
        .bind("lease", lease.toEpochMilli())
        .execute();
  }

  /**
   * Claims every pending member of a group, for a retry with exactly the same members; answers
   * false, claiming nothing, while another sender still holds any of them.
   */
  public boolean claimGroup(Handle h, String group, Instant lease, Instant now, boolean lockRows) {
    List<Long> holds =
        h.createQuery(
                "select claimed_until from emails where dispatch_group = :g and state = 'PENDING' order by id"
                    + (lockRows ? " for update" : ""))
            .bind("g", group)
            .mapTo(Long.class)
            .list();
    if (holds.isEmpty()
        || holds.stream().anyMatch(until -> until != null && until > now.toEpochMilli())) {
      return false;
    }
    h.createUpdate(
            "update emails set claimed_until = :lease where dispatch_group = :g and state = 'PENDING'")
        .bind("g", group)
        .bind("lease", lease.toEpochMilli())
        .execute();
    return true;
  }

  public List<EmailRecord> pendingInGroup(Handle h, String group) {
    return h.createQuery(
            "select "
                + EmailRepository.COLUMNS
                + " from emails where dispatch_group = :g and state = 'PENDING' order by id")
        .bind("g", group)
        .map(EmailRepository::map)
        .list();
  }
}
