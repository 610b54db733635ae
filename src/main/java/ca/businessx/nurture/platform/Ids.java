package ca.businessx.nurture.platform;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochRandomGenerator;

/**
 * Unguessable identifiers that sort by the time they were made: UUID version 7 (RFC 9562), a
 * millisecond timestamp followed by 74 bits from a shared {@code SecureRandom}, fresh for every id.
 * Random version 4 ids put each new row's key in a random leaf of every index on it, so a commit of
 * a few dozen signups rewrote a few hundred scattered pages (SQLite's log and PostgreSQL's WAL both
 * carry whole pages); time-ordered keys land on the last page. An id reveals when its row was made,
 * which its row says anyway, and nothing of how many there are.
 */
public final class Ids {
  /**
   * Not the library's monotonic generator: that one counts up within a millisecond, so a second id
   * made in the same millisecond as a known one could be guessed.
   */
  private static final TimeBasedEpochRandomGenerator V7 =
      Generators.timeBasedEpochRandomGenerator();

  private Ids() {}

  public static String newId() {
    return V7.generate().toString();
  }
}
