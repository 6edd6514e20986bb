package io.expanse.work;

import io.expanse.text.Texts;

/**
 * A change was handed to a tracker that has been shut down (Expanse is closing): nothing was journaled or sent.
 * Its message is a sentence for the operator.
 */
public final class TrackerShutDownException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public TrackerShutDownException(String trackerName) {
        super(Texts.get("work.trackerShutDown", Texts.get("work.tracker." + trackerName)));
    }
}
