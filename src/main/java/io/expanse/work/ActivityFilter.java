package io.expanse.work;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The activity panel's filter: free text (all words must appear, case-insensitively, in the resource name or id,
 * account, region, state, job or order id, message or error code) and a set of states (empty: any state).
 */
public record ActivityFilter(String text, Set<ActivityState> states) implements Predicate<Activity> {

    public ActivityFilter {
        text = text == null ? "" : text.strip();
        states = states == null || states.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(states));
    }

    /** Lets everything through. */
    public static ActivityFilter all() {
        return new ActivityFilter("", Set.of());
    }

    /** Only unfinished activities. */
    public static ActivityFilter unfinished() {
        EnumSet<ActivityState> open = EnumSet.noneOf(ActivityState.class);
        for (ActivityState s : ActivityState.values()) {
            if (!s.finished()) {
                open.add(s);
            }
        }
        return new ActivityFilter("", open);
    }

    public ActivityFilter withText(String newText) {
        return new ActivityFilter(newText, states);
    }

    public ActivityFilter withStates(Set<ActivityState> newStates) {
        return new ActivityFilter(text, newStates);
    }

    @Override
    public boolean test(Activity a) {
        if (!states.isEmpty() && !states.contains(a.state())) {
            return false;
        }
        if (text.isEmpty()) {
            return true;
        }
        String haystack = String.join("\n", Stream.of(a.resourceName(), a.resourceId(), a.account(), a.region(),
                        a.stateText(), a.jobId(), a.orderId(), a.message(), a.errorCode(), a.kind())
                .map(s -> s == null ? "" : s).toList()).toLowerCase(Locale.ROOT);
        for (String word : text.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
