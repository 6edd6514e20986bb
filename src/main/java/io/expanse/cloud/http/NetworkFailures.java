package io.expanse.cloud.http;

import io.expanse.text.Texts;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * Operator sentences for I/O failures of a call. They name the host and what to check, never an exception class or
 * its raw message: that detail goes to the log only ({@link #detail(IOException)}).
 */
final class NetworkFailures {

    private NetworkFailures() {
    }

    /** A failure with nothing sent, or a read: the request had no effect. */
    static String beforeAnswer(IOException e, String host) {
        if (e instanceof UnknownHostException) {
            return Texts.get("cloud.network.unknownHost", host);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return Texts.get("cloud.network.connect", host);
        }
        if (e instanceof SocketTimeoutException) {
            return Texts.get("cloud.network.timeout", host);
        }
        if (e instanceof SSLException) {
            return Texts.get("cloud.network.tls", host);
        }
        return Texts.get("cloud.network.interrupted", host);
    }

    /** The whole-call deadline passed on a call whose request had no effect (a read, or a write never sent). */
    static String deadline(String host, Duration callTimeout) {
        return Texts.get("cloud.network.deadline", host, seconds(callTimeout));
    }

    /** The first half of an unknown-outcome sentence: "…, so its outcome is unknown; " comes after it. */
    static String afterSending(IOException e, String host, boolean deadline, Duration callTimeout) {
        if (deadline) {
            return Texts.get("cloud.network.sent.deadline", host, seconds(callTimeout));
        }
        if (e instanceof SocketTimeoutException) {
            return Texts.get("cloud.network.sent.timeout", host);
        }
        return Texts.get("cloud.network.sent.failed", host);
    }

    /** For logs only: the exception's class and message. */
    static String detail(IOException e) {
        String message = e.getMessage();
        return e.getClass().getName() + (message == null ? "" : ": " + ErrorBodies.snippet(message));
    }

    /** "60 s", "1.5 s", "800 ms". */
    static String seconds(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** "16 MB", "512 KB", "1000 bytes". */
    static String size(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }
}
