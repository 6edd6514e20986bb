package io.expanse.cloud.http;

import io.expanse.text.Texts;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short, safe text from bodies a cloud did not mean for us: web pages of proxies and gateways, plain-text errors,
 * long server messages. One line, bounded length, never markup dumped into an operator sentence.
 */
public final class ErrorBodies {

    /** The longest snippet of server text put into a sentence. */
    public static final int SNIPPET = 160;
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private ErrorBodies() {
    }

    /** An HTML content type, or a body whose first non-blank character is {@code <}. */
    public static boolean looksLikeHtml(String contentType, String body) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html")) {
            return true;
        }
        return body != null && body.stripLeading().startsWith("<");
    }

    /** At most a short single line of text from a server, for messages. */
    public static String snippet(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= SNIPPET ? flat : flat.substring(0, SNIPPET) + "…";
    }

    /** The snippet of a page's {@code <title>}, or null. */
    public static String htmlTitle(String body) {
        if (body == null) {
            return null;
        }
        Matcher m = TITLE.matcher(body);
        return m.find() ? snippet(m.group(1)) : null;
    }

    /**
     * "{head} with a web page instead of JSON; a proxy or gateway between this computer and the service probably
     * failed. Page title: "502 Bad Gateway"." The title part only when the page has one.
     *
     * @param head e.g. "Huawei Cloud answered HTTP 502 (Bad Gateway)"
     */
    public static String webPageSentence(String head, String body) {
        String title = htmlTitle(body);
        return Texts.sentences(Texts.get("cloud.http.webPage", head),
                title == null ? "" : Texts.get("cloud.http.pageTitle", title));
    }
}
