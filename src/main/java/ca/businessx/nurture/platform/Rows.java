package ca.businessx.nurture.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** Nullable column reads that behave the same on SQLite and PostgreSQL drivers, and reads by id. */
public final class Rows {
  private Rows() {}

  public static Integer integer(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  public static Double decimal(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }

  public static Instant instant(ResultSet rs, String column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  /** The ids once each, in first-seen order, for an {@code in (<ids>)} list. */
  public static List<String> distinct(Collection<String> ids) {
    return List.copyOf(new LinkedHashSet<>(ids));
  }

  /**
   * The rows with these ids that exist, by id, in one statement.
   *
   * @param select {@code select <columns> from <table>}; {@code where id in (<ids>)} is added
   */
  public static <T> Map<String, T> byId(
      Handle h,
      String select,
      Collection<String> ids,
      RowMapper<T> mapper,
      Function<T, String> idOf) {
    Map<String, T> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    h.createQuery(select + " where id in (<ids>)")
        .bindList("ids", distinct(ids))
        .map(mapper)
        .forEach(row -> found.put(idOf.apply(row), row));
    return found;
  }

  public static Long millis(Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }
}
