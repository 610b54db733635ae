package ca.businessx.nurture.support;

import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A java.time.Clock that reads the manual scheduler's clock, so the app and scheduler agree. */
public final class TestClock extends Clock {
  private final SettableClock settable;

  public TestClock(Instant start) {
    this.settable = new SettableClock();
    settable.set(start);
  }

  public SettableClock settable() {
    return settable;
  }

  public void tick(Duration d) {
    settable.tick(d);
  }

  public void advance(Duration d) {
    settable.tick(d);
  }

  public void set(Instant at) {
    settable.set(at);
  }

  @Override
  public Instant instant() {
    return settable.now();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
