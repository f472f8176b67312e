package org.parley.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class StackLoggingTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger("gov.nist.javax.sip");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final StackLogging logging = new StackLogging();
    private Level level;

    @BeforeEach
    void attach() {
        level = logger.getLevel();
        logger.setLevel(Level.INFO);
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(appender);
        logger.setLevel(level);
    }

    @Test
    void failedConnectTowardTheEdgeLogsNeitherErrorNorWarning() {
        logging.logWarning("Failed to connect /127.0.0.5:5061 but trying the advertised port=5061 if it's different");
        logging.logError("Error is ", new IOException("Could not connect to /127.0.0.5:5061"));

        assertThat(appender.list).isEmpty();
    }

    @Test
    void otherStackErrorsKeepTheirLevelAndCause() {
        logging.logError("unexpected", new IllegalStateException("broken"));
        logging.logWarning("something else");

        assertThat(appender.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.ERROR, Level.WARN);
        assertThat(appender.list.get(0).getThrowableProxy().getMessage()).isEqualTo("broken");
    }
}
