import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.ForcedType;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;

/**
 * Build step (exec-maven-plugin, generate-sources): applies the Flyway migrations in sql/ to a throwaway
 * embedded PostgreSQL and generates jOOQ classes from the real schema, so generated code matches what
 * production runs exactly (enums, arrays, partial indexes). Skipped when sql/ has not changed since.
 *
 * Usage: java -cp CLASSPATH JooqCodegen.java SQL_DIR TARGET_DIR
 */
public class JooqCodegen {
  public static void main(String[] args) throws Exception {
    Path sqlDir = Path.of(args[0]).toAbsolutePath();
    Path target = Path.of(args[1]).toAbsolutePath();
    Path stamp = target.resolve(".generated-from-sql");
    if (Files.exists(stamp) && newest(sqlDir).compareTo(Files.getLastModifiedTime(stamp)) <= 0) {
      System.out.println("[jooq-codegen] sql/ unchanged, keeping " + target);
      return;
    }
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      String url = pg.getJdbcUrl("postgres", "postgres");
      Flyway.configure().dataSource(url, "postgres", "postgres")
          .locations("filesystem:" + sqlDir).load().migrate();
      GenerationTool.generate(new Configuration()
          .withLogging(org.jooq.meta.jaxb.Logging.WARN)
          .withJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(url)
              .withUser("postgres").withPassword("postgres"))
          .withGenerator(new Generator()
              .withDatabase(new Database()
                  .withName("org.jooq.meta.postgres.PostgresDatabase")
                  .withInputSchema("public")
                  .withExcludes("flyway_schema_history|segment_keeps_seats_sold")
                  .withForcedTypes(new ForcedType()
                      .withUserType("io.vertx.core.json.JsonObject")
                      .withIncludeTypes("JSONB?")
                      .withConverter("com.paxcare.db.JsonbConverter")))
              .withGenerate(new Generate().withRecords(true).withPojos(false).withDaos(false)
                  .withJavaTimeTypes(true).withRoutines(false).withSequences(false))
              .withTarget(new Target().withPackageName("com.paxcare.db.schema")
                  .withDirectory(target.toString()).withClean(true))));
    }
    Files.writeString(stamp, "generated from " + sqlDir + "\n");
  }

  private static FileTime newest(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.map(p -> {
        try { return Files.getLastModifiedTime(p); } catch (IOException e) { throw new RuntimeException(e); }
      }).max(FileTime::compareTo).orElse(FileTime.fromMillis(0));
    }
  }
}
