package io.expanse.logging;

import ch.qos.logback.core.PropertyDefinerBase;
import io.expanse.files.AppDirs;

/**
 * Gives {@code logback.xml} the platform's log directory when Logback starts, before any code of the app has run:
 * the system property {@value #PROPERTY} when set, else {@link AppDirs#detect()}{@code .logs()}.
 */
public class LogDirDefiner extends PropertyDefinerBase {

    /** Overrides the log directory (tests, portable use). */
    public static final String PROPERTY = "expanse.logDir";

    @Override
    public String getPropertyValue() {
        String override = System.getProperty(PROPERTY);
        if (override != null && !override.isBlank()) {
            return override;
        }
        return AppDirs.detect().logs().toAbsolutePath().toString();
    }
}
