package com.paxcare.db;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.sqlclient.ClosedConnectionException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;

import static org.assertj.core.api.Assertions.assertThat;

/** A database outage retried every second on every lane writes one stack trace, not one a second. */
class FailureLogTest {
  @Test
  void theSameFailureIsLoggedOnceAndTheRecoveryOnce() {
    Logger logger = (Logger) LoggerFactory.getLogger("failure-log-test");
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    FailureLog failures = new FailureLog(logger, "A step lane");

    for (int i = 0; i < 40; i++) {
      failures.failed(ClosedConnectionException.INSTANCE);
    }
    failures.failed(new ConnectException("Connection refused"));
    failures.failed(new ConnectException("Connection refused"));
    failures.succeeded();
    failures.succeeded();

    assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
        "A step lane failed; it will be retried",
        "A step lane failed; it will be retried",
        appender.list.get(2).getFormattedMessage());
    assertThat(appender.list.get(0).getThrowableProxy().getClassName())
        .isEqualTo(ClosedConnectionException.class.getName());
    assertThat(appender.list.get(1).getThrowableProxy().getClassName()).isEqualTo(ConnectException.class.getName());
    assertThat(appender.list.get(2).getFormattedMessage()).startsWith("A step lane works again after");
  }
}
