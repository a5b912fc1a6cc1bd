package org.apache.camel.component.audiosocket.support;

import java.util.ArrayList;
import java.util.List;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/** Collects what the component logs (at INFO and above), for tests of what is logged and how often. */
public final class LogCapture extends AbstractAppender implements AutoCloseable {

    private static final String COMPONENT = "org.apache.camel.component.audiosocket";
    private final List<String> lines = new ArrayList<>();

    private LogCapture() {
        super("audiosocket-capture", null, null, true, Property.EMPTY_ARRAY);
    }

    public static LogCapture capture() {
        LogCapture capture = new LogCapture();
        capture.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        LoggerConfig config = context.getConfiguration().getLoggerConfig(COMPONENT);
        config.addAppender(capture, Level.INFO, null);
        context.updateLoggers();
        return capture;
    }

    @Override
    public void append(LogEvent event) {
        synchronized (lines) {
            lines.add(event.getLevel() + " " + event.getMessage().getFormattedMessage());
        }
    }

    public List<String> lines() {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getLoggerConfig(COMPONENT).removeAppender(getName());
        context.updateLoggers();
        stop();
    }
}
