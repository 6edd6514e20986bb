package io.expanse.work;

import io.expanse.text.Texts;

/**
 * Where a background activity stands. {@link #SUCCEEDED}, {@link #FAILED} and {@link #CANCELLED} are final;
 * every other state is still followed (including {@link #AWAITING_PAYMENT}, which is polled slowly so that a
 * payment made in the Huawei console is noticed).
 */
public enum ActivityState {
    /** Journaled, the request has not been answered yet (or the app stopped before the answer arrived). */
    SUBMITTING,
    /** Accepted by the cloud (job or order id known), not yet seen running. */
    SUBMITTED,
    /** In progress. */
    RUNNING,
    /** Done and verified by reading the resource back. */
    SUCCEEDED,
    /** Rejected or failed; nothing more will happen. */
    FAILED,
    /** A yearly/monthly order waits for the operator to pay it in the Billing Center. */
    AWAITING_PAYMENT,
    /** The order was cancelled; the change will not happen. */
    CANCELLED,
    /**
     * Read from the history but not understood by this build (a state or kind written by a newer Expanse, or an
     * unreadable entry): shown with its stored state text ({@link Activity#rawState()}), kept untouched, never
     * followed and never written. Counts as finished: this build will do nothing more with it.
     */
    UNKNOWN;

    /** Whether nothing more will happen to an activity in this state. */
    public boolean finished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED || this == UNKNOWN;
    }

    /** Short text for the activity list, in the language in use. */
    public String label() {
        return Texts.get("activity.state." + name());
    }
}
