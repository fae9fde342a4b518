package com.paxcare.notify;

import com.paxcare.Config;
import com.paxcare.cases.Escalations;
import com.paxcare.db.Sql;
import com.paxcare.db.schema.enums.DeliveryStatus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import static com.paxcare.db.schema.Tables.NOTIFICATION;

/**
 * Delivers queued confirmations, from any node: e-mail over SMTP, SMS by an HTTP POST of
 * {@code {"to","text"}}. A message is claimed with FOR UPDATE SKIP LOCKED while it is sent; a failure is retried
 * with back-off and, after the last attempt, escalated. A channel with nothing configured logs the message
 * and marks it LOGGED, so nobody believes it was sent.
 */
public final class Outbox {
  public static final String WAKE_ADDRESS = "paxcare.outbox.wake";
  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
  private static final int MAX_ATTEMPTS = 6;
  private static final int BATCH = 20;

  private final Vertx vertx;
  private final Pool pool;
  private final com.paxcare.db.FailureLog failures = new com.paxcare.db.FailureLog(LOG, "Outbox delivery");
  private final Config.Messaging messaging;
  private final WebClient web;
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile boolean again;
  private volatile boolean stopped;
  private long timer = -1;

  public Outbox(Vertx vertx, Pool pool, Config.Messaging messaging) {
    this.vertx = vertx;
    this.pool = pool;
    this.messaging = messaging;
    this.web = WebClient.create(vertx);
  }

  public Future<Void> start() {
    timer = vertx.setPeriodic(1_000, id -> wake());
    // Clustered, not local: Vert.x asks Hazelcast anew for every message to an address no node has registered in
    // the cluster, and a local-only consumer made the benchmark fall behind (load-tests/results/performance.md).
    return vertx.eventBus().consumer(WAKE_ADDRESS, message -> wake()).completion();
  }

  public void stop() {
    stopped = true;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    web.close();
  }

  public void wake() {
    if (stopped) {
      return;
    }
    again = true;
    if (!running.compareAndSet(false, true)) {
      return;
    }
    again = false;
    deliverBatch().onComplete(ar -> {
      running.set(false);
      if (ar.succeeded()) {
        failures.succeeded();
      }
      if (ar.failed()) {
        if (!stopped) {
          failures.failed(ar.cause());
        }
      } else if ((ar.result() || again) && !stopped) {
        wake();
      }
    });
  }

  private static final Sql.Prepared NEXT_DUE = Sql.Prepared.of(Sql.dsl()
      .select(NOTIFICATION.ID, NOTIFICATION.CASE_ID, NOTIFICATION.CHANNEL, NOTIFICATION.RECIPIENT,
          NOTIFICATION.SUBJECT, NOTIFICATION.BODY, NOTIFICATION.ATTEMPTS)
      .from(NOTIFICATION)
      .where(NOTIFICATION.STATUS.eq(DSL.inline(DeliveryStatus.PENDING)))
      .and(NOTIFICATION.NEXT_ATTEMPT_AT.le(DSL.currentOffsetDateTime()))
      .orderBy(NOTIFICATION.ID).limit(DSL.inline(BATCH)).forUpdate().skipLocked());
  /** The batch's messages that went out, one statement per outcome (SENT, or LOGGED when no gateway is set). */
  private static final Sql.Prepared DELIVERED = Sql.Prepared.of(Sql.dsl().update(NOTIFICATION)
      .set(NOTIFICATION.STATUS, DSL.param("status", NOTIFICATION.STATUS))
      .set(NOTIFICATION.ATTEMPTS, NOTIFICATION.ATTEMPTS.plus(DSL.inline(1)))
      .set(NOTIFICATION.SENT_AT, DSL.currentOffsetDateTime())
      .where(NOTIFICATION.ID.eq(DSL.any(DSL.param("ids", NOTIFICATION.ID.getDataType().getArrayDataType())))));

  /**
   * Claims up to {@link #BATCH} due messages, sends them side by side, and records the outcomes, all in one
   * transaction: one commit for the batch instead of one per message, and one statement for the messages that
   * went out instead of one each. Answers whether the batch was full (more may be due); messages queued since
   * are announced by a wake-up of their own.
   */
  Future<Boolean> deliverBatch() {
    List<JsonObject> escalated = new ArrayList<>();
    return pool.withTransaction(tx -> NEXT_DUE.run(tx).compose(rows -> {
      if (rows.size() == 0) {
        return Future.succeededFuture(false);
      }
      Map<DeliveryStatus, List<Long>> delivered = new EnumMap<>(DeliveryStatus.class);
      List<Future<Void>> outcomes = new ArrayList<>();
      for (Row message : rows) {
        outcomes.add(send(message).transform(ar -> {
          if (ar.succeeded()) {
            delivered.computeIfAbsent(ar.result(), status -> new ArrayList<>()).add(message.getLong("id"));
            return Future.succeededFuture();
          }
          return recordFailure(tx, message, ar.cause(), escalated);
        }));
      }
      return Future.join(outcomes)
          .compose(all -> Future.join(delivered.entrySet().stream()
              .map(outcome -> DELIVERED.run(tx, "status", outcome.getKey(), "ids", outcome.getValue().toArray(Long[]::new)))
              .toList()))
          .map(rows.size() == BATCH);
    })).onSuccess(done -> escalated.forEach(push -> vertx.eventBus().publish(Escalations.OPS_ADDRESS, push)));
  }

  private Future<DeliveryStatus> send(Row message) {
    String channel = message.getString("channel");
    String to = message.getString("recipient");
    String body = message.getString("body");
    if ("SMS".equals(channel)) {
      if (messaging.smsUrl().isEmpty()) {
        LOG.info("SMS not configured (PAXCARE_SMS_URL): logged for {}: {}", mask(to), body);
        return Future.succeededFuture(DeliveryStatus.LOGGED);
      }
      return web.postAbs(messaging.smsUrl().get()).timeout(10_000)
          .sendJsonObject(new JsonObject().put("to", to).put("text", body))
          .compose(response -> response.statusCode() / 100 == 2
              ? Future.succeededFuture(DeliveryStatus.SENT)
              : Future.failedFuture("SMS gateway answered " + response.statusCode()));
    }
    if (messaging.smtpHost().isEmpty()) {
      LOG.info("E-mail not configured (PAXCARE_SMTP_HOST): logged for {}: {}", mask(to), message.getString("subject"));
      return Future.succeededFuture(DeliveryStatus.LOGGED);
    }
    // Jakarta Mail blocks: it runs on a worker thread, never on the event loop.
    return vertx.executeBlocking(() -> {
      Properties properties = new Properties();
      properties.put("mail.smtp.host", messaging.smtpHost().get());
      properties.put("mail.smtp.port", Integer.toString(messaging.smtpPort()));
      properties.put("mail.smtp.connectiontimeout", "10000");
      properties.put("mail.smtp.timeout", "10000");
      MimeMessage mail = new MimeMessage(Session.getInstance(properties));
      mail.setFrom(new InternetAddress(messaging.smtpFrom()));
      mail.setRecipient(RecipientType.TO, new InternetAddress(to));
      mail.setSubject(message.getString("subject"), "UTF-8");
      mail.setText(body, "UTF-8");
      Transport.send(mail);
      return DeliveryStatus.SENT;
    }, false);
  }

  private Future<Void> recordFailure(SqlConnection tx, Row message, Throwable failure, List<JsonObject> escalated) {
    long id = message.getLong("id");
    int attempts = message.getInteger("attempts") + 1;
    boolean givingUp = attempts >= MAX_ATTEMPTS;
    LOG.warn("Notification {} to {} failed (attempt {}): {}", id, mask(message.getString("recipient")), attempts,
        failure.getMessage());
    var update = Sql.dsl().update(NOTIFICATION)
        .set(NOTIFICATION.ATTEMPTS, attempts)
        .set(NOTIFICATION.LAST_ERROR, String.valueOf(failure.getMessage()))
        .set(NOTIFICATION.STATUS, givingUp ? DeliveryStatus.FAILED : DeliveryStatus.PENDING)
        .set(NOTIFICATION.NEXT_ATTEMPT_AT, DSL.field("now() + make_interval(secs => {0})", java.time.OffsetDateTime.class,
            DSL.val((double) (1L << Math.min(attempts, 8)))))
        .where(NOTIFICATION.ID.eq(id));
    Future<Void> chain = Sql.run(tx, update).mapEmpty();
    if (givingUp) {
      chain = chain.compose(v -> Escalations.record(tx, message.getUUID("case_id"), "NOTIFICATION_FAILED",
              new JsonObject().put("notificationId", id).put("error", failure.getMessage())))
          .map(push -> {
            escalated.add(push);
            return null;
          });
    }
    return chain;
  }

  /** Personal data stays out of logs: +13125550142 becomes +1312*****42. */
  static String mask(String recipient) {
    if (recipient == null || recipient.length() < 6) {
      return "***";
    }
    int at = recipient.indexOf('@');
    if (at > 0) {
      return recipient.charAt(0) + "***" + recipient.substring(at);
    }
    return recipient.substring(0, 5) + "*".repeat(recipient.length() - 7) + recipient.substring(recipient.length() - 2);
  }
}
