package ca.businessx.nurture.calendar;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/** Canada's provinces and territories, with the zone most of each one's people live in. */
public enum Province {
  AB("America/Edmonton"),
  BC("America/Vancouver"),
  MB("America/Winnipeg"),
  NB("America/Moncton"),
  NL("America/St_Johns"),
  NS("America/Halifax"),
  NT("America/Yellowknife"),
  NU("America/Iqaluit"),
  ON("America/Toronto"),
  PE("America/Halifax"),
  QC("America/Toronto"),
  SK("America/Regina"),
  YT("America/Whitehorse");

  private final ZoneId mainZone;

  Province(String zone) {
    this.mainZone = ZoneId.of(zone);
  }

  public ZoneId mainZone() {
    return mainZone;
  }

  /** The province of a two-letter code in any case, e.g. {@code qc}. */
  public static Optional<Province> ofCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(code.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The province a Canadian postal code is in, from its first letter (Canada Post's forward
   * sortation areas). X serves both territories: X0A–X0C are Nunavut, the rest the Northwest
   * Territories.
   */
  public static Optional<Province> ofPostalCode(String postalCode) {
    if (postalCode == null) {
      return Optional.empty();
    }
    String code = postalCode.replace(" ", "").toUpperCase(Locale.ROOT);
    if (!code.matches("[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z][0-9][ABCEGHJ-NPRSTV-Z][0-9]")) {
      return Optional.empty();
    }
    return Optional.of(
        switch (code.charAt(0)) {
          case 'A' -> NL;
          case 'B' -> NS;
          case 'C' -> PE;
          case 'E' -> NB;
          case 'G', 'H', 'J' -> QC;
          case 'K', 'L', 'M', 'N', 'P' -> ON;
          case 'R' -> MB;
          case 'S' -> SK;
          case 'T' -> AB;
          case 'V' -> BC;
          case 'Y' -> YT;
          default ->
              code.startsWith("X0A") || code.startsWith("X0B") || code.startsWith("X0C") ? NU : NT;
        });
  }
}
