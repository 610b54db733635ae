package ca.businessx.nurture.platform;

import java.util.UUID;

/** Random, unguessable identifiers: public ids must not reveal how many leads there are. */
public final class Ids {
  private Ids() {}

  public static String newId() {
    return UUID.randomUUID().toString();
  }
}
