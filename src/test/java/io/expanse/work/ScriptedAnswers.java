package io.expanse.work;

import io.expanse.cloud.ApiException;
import java.util.Deque;

/** The answers a fake client gives, in order: each call takes the next one, the last one repeats. */
final class ScriptedAnswers {

    private ScriptedAnswers() {
    }

    /**
     * The next answer of {@code queue} as {@code type}, thrown when it is an {@link ApiException}; a call with no
     * answer scripted fails the test, naming {@code what} was called.
     */
    static <T> T next(Deque<Object> queue, Class<T> type, String what) throws ApiException {
        if (queue.isEmpty()) {
            throw new AssertionError("unexpected call: " + what);
        }
        Object answer = queue.size() > 1 ? queue.poll() : queue.peek();
        if (answer instanceof ApiException e) {
            throw e;
        }
        return type.cast(answer);
    }
}
