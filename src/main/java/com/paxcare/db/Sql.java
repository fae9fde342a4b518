package com.paxcare.db;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import org.jooq.DSLContext;
import org.jooq.EnumType;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.JSONB;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.conf.RenderKeywordCase;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The bridge between jOOQ and the reactive PostgreSQL client: jOOQ builds and renders the statement
 * ({@code $1..$n} placeholders), the Vert.x pool runs it. No JDBC connection is involved on the request path.
 */
public final class Sql {
  private static final DSLContext DSL_CONTEXT = DSL.using(SQLDialect.POSTGRES, new Settings()
      .withParamType(ParamType.NAMED)
      .withRenderNamedParamPrefix("$")
      .withRenderSchema(false)
      .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
      .withRenderKeywordCase(RenderKeywordCase.UPPER)
      .withRenderFormatted(false));

  private Sql() {
  }

  /** The jOOQ DSL to build statements with; it renders PostgreSQL with {@code $n} parameters. */
  public static DSLContext dsl() {
    return DSL_CONTEXT;
  }

  /** A rendered statement: the SQL text a DBA reads in the log, and its parameters. */
  public record Statement(String sql, Tuple params) {
  }

  public static Statement render(Query query) {
    return new Statement(DSL_CONTEXT.renderNamedParams(query), tuple(query.getBindValues()));
  }

  /** Runs one statement. */
  public static Future<RowSet<Row>> run(SqlClient client, Query query) {
    Statement statement = render(query);
    return client.preparedQuery(statement.sql()).execute(statement.params());
  }

  /**
   * Runs statements of one shape (same SQL, other values) as one pipelined batch: a single round trip.
   * The result sets are chained: {@code rows.next()} gives the next statement's.
   */
  public static Future<RowSet<Row>> batch(SqlClient client, List<? extends Query> queries) {
    if (queries.isEmpty()) {
      return Future.succeededFuture();
    }
    String sql = null;
    List<Tuple> params = new ArrayList<>(queries.size());
    for (Query query : queries) {
      String rendered = DSL_CONTEXT.renderNamedParams(query);
      if (sql == null) {
        sql = rendered;
      } else if (!sql.equals(rendered)) {
        return Future.failedFuture(new IllegalArgumentException(
            "A batch takes statements of one shape; got\n  " + sql + "\nand\n  " + rendered));
      }
      params.add(tuple(query.getBindValues()));
    }
    return client.preparedQuery(sql).executeBatch(params);
  }

  /**
   * Builds one multi-row statement per {@code chunkSize} items (a single statement per chunk is far cheaper for
   * PostgreSQL than one per row) and runs them in order. Chunks keep each statement under the protocol's
   * parameter limit.
   */
  public static <T> Future<Void> inChunks(SqlClient client, List<T> items, int chunkSize,
      Function<List<T>, Query> statement) {
    Future<Void> chain = Future.succeededFuture();
    for (int from = 0; from < items.size(); from += chunkSize) {
      List<T> chunk = items.subList(from, Math.min(items.size(), from + chunkSize));
      chain = chain.compose(v -> run(client, statement.apply(chunk)).mapEmpty());
    }
    return chain;
  }

  /**
   * Inserts many rows into one table with one multi-row statement per chunk (PostgreSQL executes one statement
   * of a thousand rows far faster than a thousand statements of one). {@code finish} adds what follows the
   * values, such as {@code ON CONFLICT DO NOTHING}; each row holds its values in the order of {@code columns}.
   */
  public static Future<Void> insertRows(SqlClient client, org.jooq.Table<?> table, List<? extends Field<?>> columns,
      List<Object[]> rows, Function<org.jooq.InsertValuesStepN<?>, Query> finish) {
    // Under the protocol's limit of 65,535 parameters per statement.
    int perStatement = Math.max(1, 30_000 / columns.size());
    Future<Void> chain = Future.succeededFuture();
    for (int from = 0; from < rows.size(); from += perStatement) {
      List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + perStatement));
      @SuppressWarnings({"unchecked", "rawtypes"})
      org.jooq.InsertValuesStepN<?> insert = DSL_CONTEXT.insertInto((org.jooq.Table) table, (List) columns);
      for (Object[] row : chunk) {
        insert = insert.values(row);
      }
      Query query = finish.apply(insert);
      chain = chain.compose(v -> run(client, query).mapEmpty());
    }
    return chain;
  }

  /**
   * A statement on a hot path, built with jOOQ once (its parameters named with {@code DSL.param(name, type)}) and
   * rendered once: each run only binds values, by name, into the rendered {@code $n} order.
   */
  public static final class Prepared {
    private static final java.util.regex.Pattern NAMED_PARAMETER =
        java.util.regex.Pattern.compile("\\$([A-Za-z][A-Za-z0-9_]*)");
    private final String sql;
    private final List<String> names;

    private Prepared(String sql, List<String> names) {
      this.sql = sql;
      this.names = names;
    }

    public static Prepared of(Query query) {
      // jOOQ renders named parameters as $name: number them $1..$n in order of first appearance.
      java.util.regex.Matcher names = NAMED_PARAMETER.matcher(DSL_CONTEXT.renderNamedParams(query));
      List<String> order = new ArrayList<>();
      StringBuilder sql = new StringBuilder();
      while (names.find()) {
        String name = names.group(1);
        if (!order.contains(name)) {
          order.add(name);
        }
        names.appendReplacement(sql, "\\$" + (order.indexOf(name) + 1));
      }
      names.appendTail(sql);
      return new Prepared(sql.toString(), List.copyOf(order));
    }

    public String sql() {
      return sql;
    }

    /** Runs with values given as name, value, name, value... */
    public Future<RowSet<Row>> run(SqlClient client, Object... namesAndValues) {
      Tuple values;
      try {
        values = bind(namesAndValues);
      } catch (IllegalArgumentException e) {
        return Future.failedFuture(e);
      }
      return client.preparedQuery(sql).execute(values);
    }

    /** Runs once per element of {@code rows} (each given as name, value...) as one pipelined batch. */
    public Future<RowSet<Row>> batch(SqlClient client, List<Object[]> rows) {
      if (rows.isEmpty()) {
        return Future.succeededFuture();
      }
      List<Tuple> tuples = new ArrayList<>(rows.size());
      for (Object[] row : rows) {
        tuples.add(bind(row));
      }
      return client.preparedQuery(sql).executeBatch(tuples);
    }

    private Tuple bind(Object... namesAndValues) {
      if (namesAndValues.length != names.size() * 2) {
        throw new IllegalArgumentException("Expected values for " + names + " in " + sql);
      }
      Object[] values = new Object[names.size()];
      for (int i = 0; i < namesAndValues.length; i += 2) {
        int at = names.indexOf((String) namesAndValues[i]);
        if (at < 0) {
          throw new IllegalArgumentException("No parameter " + namesAndValues[i] + " in " + sql);
        }
        values[at] = toClientValue(namesAndValues[i + 1]);
      }
      return Tuple.wrap(values);
    }
  }

  /** Reads a column as the Java type jOOQ generated for it (enums by their literal, NUMERIC as BigDecimal). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <T> T get(Row row, Field<T> field) {
    Object value = row.getValue(field.getName());
    if (value == null) {
      return null;
    }
    Class<T> type = field.getType();
    if (type.isInstance(value)) {
      return type.cast(value);
    }
    if (EnumType.class.isAssignableFrom(type) && type.isEnum()) {
      for (Object constant : type.getEnumConstants()) {
        if (((EnumType) constant).getLiteral().equals(value.toString())) {
          return (T) constant;
        }
      }
      throw new IllegalStateException("No " + type.getSimpleName() + " for '" + value + "'");
    }
    if (value instanceof Numeric numeric) {
      return field.getDataType().convert(numeric.bigDecimalValue());
    }
    return field.getDataType().convert(value);
  }

  private static Tuple tuple(List<Object> bindValues) {
    Tuple tuple = Tuple.tuple();
    for (Object value : bindValues) {
      tuple.addValue(toClientValue(value));
    }
    return tuple;
  }

  /** jOOQ's bind values, as the reactive client wants them. */
  private static Object toClientValue(Object value) {
    // Enum (a class) is tested first: a test against an interface such as EnumType walks the class's secondary
    // supertypes, and for every bind value that showed in profiles.
    if (value instanceof Enum<?> && value instanceof EnumType enumType) {
      return enumType.getLiteral();
    }
    if (value instanceof JSONB jsonb) {
      return jsonValue(jsonb.data());
    }
    if (value instanceof JSON json) {
      return jsonValue(json.data());
    }
    if (value instanceof BigDecimal decimal) {
      return Numeric.create(decimal);
    }
    if (value instanceof Character character) {
      return character.toString();
    }
    return value;
  }

  private static Object jsonValue(String data) {
    String trimmed = data.trim();
    return trimmed.startsWith("[") ? new JsonArray(trimmed) : new JsonObject(trimmed);
  }

}
