package io.expanse.ui.common;

import io.expanse.work.TrackerShutDownException;
import io.expanse.text.Texts;
import io.expanse.cloud.ApiException;

/** The sentence a view shows for a failure: never an exception's class name. */
public final class ErrorText {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ErrorText.class);

    private ErrorText() {
    }

    /**
     * The operator message of an API failure (anywhere in the cause chain); for a file problem, what the system
     * said about which file; for anything else (a program error) a plain sentence, the details going to the log.
     */
    /**
     * The plain sentence of a failure, without the codes: an API failure's operator message (its code, status
     * and request id are in {@link #details}); anything else as {@link #describe} says it.
     */
    public static String sentence(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ApiException api && api.operatorMessage() != null) {
                return api.operatorMessage();
            }
        }
        return describe(error);
    }

    /** An API failure's code, HTTP status and request id ("APIGW.0301, HTTP 401, request …"); "" when none. */
    public static String details(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api.details();
            }
        }
        return "";
    }

    public static String describe(Throwable error) {
        Throwable t = error;
        while (t != null) {
            if (t instanceof ApiException || t instanceof TrackerShutDownException) {
                return t.getMessage();
            }
            t = t.getCause();
        }
        for (t = error; t != null; t = t.getCause()) {
            if (t instanceof java.nio.file.AccessDeniedException denied) {
                return Texts.get("error.permissionDenied", denied.getFile());
            }
            if (t instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
                return Texts.get("error.fileSystem", fs.getFile(), fs.getReason());
            }
            if (t instanceof java.io.IOException io && io.getMessage() != null) {
                return io.getMessage();
            }
        }
        LOG.warn("Unexpected failure shown to the operator as a plain sentence", error);
        return Texts.get("error.unexpected");
    }
}
