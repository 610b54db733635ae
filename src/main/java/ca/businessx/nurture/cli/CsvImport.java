package ca.businessx.nurture.cli;

import ca.businessx.nurture.contact.Assessment;
import ca.businessx.nurture.contact.ContactRepository;
import ca.businessx.nurture.contact.Signup;
import ca.businessx.nurture.intake.LeadIntake;
import ca.businessx.nurture.platform.ApiError;
import ca.businessx.nurture.platform.Database;
import ca.businessx.nurture.platform.Json;
import ca.businessx.nurture.platform.NurtureException;
import ca.businessx.nurture.webhook.Fields;
import ca.businessx.nurture.webhook.WebhookRoutes;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Enrolls existing leads from a spreadsheet through the same validation and intake as the webhooks.
 * A row whose email is already a contact (from an earlier run, the website, or higher up the same
 * file) is skipped, never updated, so running an import twice changes nothing.
 */
final class CsvImport {
  static final List<String> COUNTS =
      List.of("red_systems", "orange_systems", "yellow_systems", "green_systems");

  /** A row not imported; {@code row} is the spreadsheet's line number (the header is line 1). */
  record Line(long row, String reason) {}

  record Summary(int rows, int imported, int enrolled, List<Line> skipped, List<Line> rejected) {}

  private final Database db;
  private final LeadIntake intake;
  private final ContactRepository contacts = new ContactRepository();

  CsvImport(Database db, LeadIntake intake) {
    this.db = db;
    this.intake = intake;
  }

  /**
   * @param progress told (done, total) after each row
   */
  Summary run(Reader csv, BiConsumer<Integer, Integer> progress) throws IOException {
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreHeaderCase(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();
    List<CSVRecord> records;
    Map<String, Integer> header;
    try (CSVParser parser = CSVParser.parse(csv, format)) {
      header = parser.getHeaderMap();
      records = parser.getRecords();
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      throw new NurtureException("the file is not readable CSV: " + e.getMessage());
    }
    if (header == null || header.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("email"))) {
      throw new NurtureException("the file needs a header row with an email column");
    }
    Map<String, Long> seen = new HashMap<>();
    List<Line> skipped = new ArrayList<>();
    List<Line> rejected = new ArrayList<>();
    int imported = 0;
    int enrolled = 0;
    for (int i = 0; i < records.size(); i++) {
      CSVRecord r = records.get(i);
      long row = r.getRecordNumber() + 1;
      progress.accept(i + 1, records.size());
      if (!r.isConsistent()) {
        rejected.add(
            new Line(row, "has " + r.size() + " columns, the header has " + header.size()));
        continue;
      }
      ObjectNode fields = Json.mapper().createObjectNode();
      r.toMap()
          .forEach(
              (k, v) -> {
                if (v != null && !v.isBlank()) {
                  fields.put(k.toLowerCase(java.util.Locale.ROOT).trim(), v);
                }
              });
      Row parsed;
      try {
        parsed = parse(fields);
      } catch (ApiError invalid) {
        rejected.add(
            new Line(
                row,
                invalid.problems().stream()
                    .map(p -> p.field() + " " + p.problem())
                    .collect(Collectors.joining("; "))));
        continue;
      }
      Long earlier = seen.putIfAbsent(parsed.signup().email(), row);
      if (earlier != null) {
        skipped.add(new Line(row, "duplicate of row " + earlier));
        continue;
      }
      if (db.withHandle(h -> contacts.findByEmail(h, parsed.signup().email())).isPresent()) {
        skipped.add(new Line(row, "already a contact"));
        continue;
      }
      intake.signup(parsed.signup());
      imported++;
      if (parsed.assessment() != null && intake.assess(parsed.assessment()).enrolled()) {
        enrolled++;
      }
    }
    return new Summary(records.size(), imported, enrolled, skipped, rejected);
  }

  private record Row(Signup signup, Assessment assessment) {}

  /** The webhooks' own rules; the assessment is optional but, once begun, must be complete. */
  private static Row parse(ObjectNode node) {
    Fields f = new Fields(node);
    String email = f.email("email");
    Signup signup =
        new Signup(
            email, f.text("name", 200), f.text("first_name", 100), f.text("business_name", 200));
    boolean assessed = COUNTS.stream().anyMatch(node::has);
    if (!assessed && node.has("assessment_score")) {
      throw new ApiError(
          422,
          "invalid_fields",
          "invalid row",
          List.of(new ApiError.Problem("assessment_score", "needs the four *_systems counts")));
    }
    Assessment assessment = null;
    if (assessed) {
      assessment =
          new Assessment(
              email,
              f.count("red_systems", WebhookRoutes.MAX_COUNT),
              f.count("orange_systems", WebhookRoutes.MAX_COUNT),
              f.count("yellow_systems", WebhookRoutes.MAX_COUNT),
              f.count("green_systems", WebhookRoutes.MAX_COUNT),
              f.score("assessment_score", WebhookRoutes.MAX_SCORE));
    }
    f.throwIfInvalid();
    return new Row(signup, assessment);
  }
}
