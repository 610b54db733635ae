package ca.businessx.nurture.platform;

import ca.businessx.nurture.platform.migration.V160__ReentryAndFollowUp;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Where each database's migrations are. Most are SQL under {@code db/migration}; a change SQLite
 * can only make by rebuilding a table (dropping a UNIQUE or changing a CHECK) is a Java migration,
 * as it must switch foreign keys off outside any transaction.
 */
public final class Migrations {
  private Migrations() {}

  public static FluentConfiguration of(DataSource source, Database.Kind kind) {
    FluentConfiguration config =
        Flyway.configure()
            .dataSource(source)
            .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor(kind));
    return kind == Database.Kind.SQLITE
        ? config.javaMigrations(new V160__ReentryAndFollowUp())
        : config;
  }

  private static String vendor(Database.Kind kind) {
    return kind == Database.Kind.SQLITE ? "sqlite" : "postgresql";
  }
}
