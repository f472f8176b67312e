package org.parley.sip.stack;

import gov.nist.core.StackLogger;
import java.io.IOException;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jain-sip-ri's own logging, routed to SLF4J (logger {@code gov.nist.javax.sip}) without its noise: a failed
 * connect toward the edge, which the stack reports as a WARN plus an ERROR with a stack trace, becomes one
 * DEBUG line (the edge link reports the outage itself, once); other I/O errors lose their stack trace. Everything
 * else keeps its level. Instantiated by the stack by class name ({@code STACK_LOGGER}); holds no state.
 */
public final class StackLogging implements StackLogger {

    private static final Logger LOG = LoggerFactory.getLogger("gov.nist.javax.sip");

    @Override
    public void logError(String message, Exception ex) {
        if (ex instanceof IOException) {
            LOG.debug("{} {}", message, ex.toString());
        } else {
            LOG.error(message, ex);
        }
    }

    @Override
    public void logWarning(String message) {
        if (message != null && (message.startsWith("Failed to connect") || message.startsWith("Couldn't connect"))) {
            LOG.debug(message);
        } else {
            LOG.warn(message);
        }
    }

    @Override
    public void logError(String message) {
        LOG.error(message);
    }

    @Override
    public void logFatalError(String message) {
        LOG.error(message);
    }

    @Override
    public void logInfo(String message) {
        LOG.info(message);
    }

    @Override
    public void logDebug(String message) {
        LOG.debug(message);
    }

    @Override
    public void logDebug(String message, Exception ex) {
        LOG.debug(message, ex);
    }

    @Override
    public void logTrace(String message) {
        LOG.trace(message);
    }

    @Override
    public void logException(Throwable ex) {
        if (ex instanceof IOException) {
            LOG.debug("{}", ex.toString());
        } else {
            LOG.error("stack exception", ex);
        }
    }

    @Override
    public void logStackTrace() {
        // stack traces on demand are for debugging the stack itself
    }

    @Override
    public void logStackTrace(int traceLevel) {
        // as above
    }

    @Override
    public boolean isLoggingEnabled() {
        return LOG.isErrorEnabled();
    }

    @Override
    public boolean isLoggingEnabled(int logLevel) {
        if (logLevel >= TRACE_TRACE) {
            return LOG.isTraceEnabled();
        } else if (logLevel >= TRACE_DEBUG) {
            return LOG.isDebugEnabled();
        } else if (logLevel >= TRACE_INFO) {
            return LOG.isInfoEnabled();
        } else if (logLevel >= TRACE_WARN) {
            return LOG.isWarnEnabled();
        }
        return logLevel > TRACE_NONE && LOG.isErrorEnabled();
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void disableLogging() {
        // levels come from the SLF4J configuration
    }

    @Override
    public void enableLogging() {
        // levels come from the SLF4J configuration
    }

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {
        // not logged
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        // nothing configurable
    }

    @Override
    public String getLoggerName() {
        return LOG.getName();
    }
}
