package io.expanse.work;

import io.expanse.text.Texts;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Objects;

/**
 * One background change and everything known about it, as kept in the {@link ActivityJournal}. Immutable; the
 * {@code with…} methods return changed copies. Serialisable with a plain Jackson {@code ObjectMapper}. Holds no
 * credential of any kind.
 *
 * @param id            random UUID
 * @param kind          what is being done, e.g. {@link #KIND_EVS_RESIZE}; a string so new kinds need no migration
 * @param account       account or profile label chosen by the operator
 * @param region        cloud region, e.g. cn-north-4
 * @param projectId     project of the region
 * @param resourceId    the resource changed (volume id for an EVS resize)
 * @param resourceName  its display name
 * @param oldSizeGb     size before the change
 * @param newSizeGb     requested size
 * @param yearlyMonthly whether the resource is billed yearly/monthly (an order, not a job, is created)
 * @param autoPay       for yearly/monthly resources whether the order is paid at once; null for on-demand
 * @param device        guest device (e.g. /dev/vdb) for the guest-OS steps, or null; for a NAS renewal the period
 *                      renewed ({@code RenewalPeriod.code()}, e.g. {@code 3month})
 * @param state         where it stands
 * @param jobId         EVS job id, once known
 * @param orderId       BSS order id, once known
 * @param startedAt     when the activity was created
 * @param updatedAt     last change of state or message
 * @param finishedAt    when a final state was reached, else null
 * @param message       latest human-readable status line
 * @param failureReason raw failure text from the cloud (job fail_reason, server message), or null
 * @param errorCode     service error code (EVS.1015, …), or null
 * @param requestId     request id of the failed call, for support tickets, or null
 * @param rawState      for an entry this build does not understand (state {@link ActivityState#UNKNOWN}: a state
 *                      or kind written by a newer Expanse, or unreadable JSON) the state text as stored; else null.
 *                      Never written by this build.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Activity(
        String id,
        String kind,
        String account,
        String region,
        String projectId,
        String resourceId,
        String resourceName,
        long oldSizeGb,
        long newSizeGb,
        boolean yearlyMonthly,
        Boolean autoPay,
        String device,
        ActivityState state,
        String jobId,
        String orderId,
        @JsonSerialize(using = InstantJson.Serializer.class)
        @JsonDeserialize(using = InstantJson.Deserializer.class)
        Instant startedAt,
        @JsonSerialize(using = InstantJson.Serializer.class)
        @JsonDeserialize(using = InstantJson.Deserializer.class)
        Instant updatedAt,
        @JsonSerialize(using = InstantJson.Serializer.class)
        @JsonDeserialize(using = InstantJson.Deserializer.class)
        Instant finishedAt,
        String message,
        String failureReason,
        String errorCode,
        String requestId,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String rawState) {

    /** Kind of an EVS volume resize. */
    public static final String KIND_EVS_RESIZE = "evs.resize";
    /** Kind of a UniCloud NAS resource pack upgrade (resourceId is the pack id, sizes are pack capacities). */
    public static final String KIND_NAS_UPGRADE = "nas.upgrade";

    /**
     * Kind of a UniCloud NAS resource pack renewal (resourceId is the pack id, both sizes its capacity, device the
     * period renewed).
     */
    public static final String KIND_NAS_RENEW = "nas.renew";

    /** The kinds this build knows how to follow; an entry of any other kind is shown as unknown and left alone. */
    public static final java.util.Set<String> KNOWN_KINDS = java.util.Set.of(KIND_EVS_RESIZE, KIND_NAS_UPGRADE,
            KIND_NAS_RENEW);

    /** Whether this is a change to a UniCloud NAS resource pack (an upgrade or a renewal). */
    public boolean nasPack() {
        return KIND_NAS_UPGRADE.equals(kind) || KIND_NAS_RENEW.equals(kind);
    }

    public Activity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(state, "state");
    }

    /** An activity this build understands (every one it makes): {@code rawState} null. */
    public Activity(String id, String kind, String account, String region, String projectId, String resourceId,
                    String resourceName, long oldSizeGb, long newSizeGb, boolean yearlyMonthly, Boolean autoPay,
                    String device, ActivityState state, String jobId, String orderId, Instant startedAt,
                    Instant updatedAt, Instant finishedAt, String message, String failureReason, String errorCode,
                    String requestId) {
        this(id, kind, account, region, projectId, resourceId, resourceName, oldSizeGb, newSizeGb, yearlyMonthly,
                autoPay, device, state, jobId, orderId, startedAt, updatedAt, finishedAt, message, failureReason,
                errorCode, requestId, null);
    }

    /** Whether this build understands the entry (and may follow or change it). */
    public boolean understood() {
        return state != ActivityState.UNKNOWN;
    }

    /** The state as shown: its label, or for an entry this build does not understand "Unknown (raw text)". */
    public String stateText() {
        return state == ActivityState.UNKNOWN ? Texts.get("activity.state.unknownWith", rawState == null ? ""
                : rawState) : state.label();
    }

    /** Whether nothing more will happen to this activity. */
    public boolean finished() {
        return state.finished();
    }

    /** Display name of the resource, falling back to its id. */
    public String displayName() {
        return resourceName == null || resourceName.isBlank() ? resourceId : resourceName;
    }

    /**
     * A copy in {@code newState} with {@code newMessage}, updated at {@code at}; {@code finishedAt} becomes
     * {@code at} when the new state is final, else null.
     */
    public Activity withState(ActivityState newState, String newMessage, Instant at) {
        return new Activity(id, kind, account, region, projectId, resourceId, resourceName, oldSizeGb, newSizeGb,
                yearlyMonthly, autoPay, device, newState, jobId, orderId, startedAt, at,
                newState.finished() ? at : null, newMessage, failureReason, errorCode, requestId, rawState);
    }

    /** A copy with another status line, updated at {@code at}. */
    public Activity withMessage(String newMessage, Instant at) {
        return new Activity(id, kind, account, region, projectId, resourceId, resourceName, oldSizeGb, newSizeGb,
                yearlyMonthly, autoPay, device, state, jobId, orderId, startedAt, at, finishedAt, newMessage,
                failureReason, errorCode, requestId, rawState);
    }

    /** A copy with the EVS job id. */
    public Activity withJobId(String newJobId) {
        return new Activity(id, kind, account, region, projectId, resourceId, resourceName, oldSizeGb, newSizeGb,
                yearlyMonthly, autoPay, device, state, newJobId, orderId, startedAt, updatedAt, finishedAt, message,
                failureReason, errorCode, requestId, rawState);
    }

    /** A copy with the BSS order id. */
    public Activity withOrderId(String newOrderId) {
        return new Activity(id, kind, account, region, projectId, resourceId, resourceName, oldSizeGb, newSizeGb,
                yearlyMonthly, autoPay, device, state, jobId, newOrderId, startedAt, updatedAt, finishedAt, message,
                failureReason, errorCode, requestId, rawState);
    }

    /** A copy with the failure details (each may be null). */
    public Activity withFailure(String newFailureReason, String newErrorCode, String newRequestId) {
        return new Activity(id, kind, account, region, projectId, resourceId, resourceName, oldSizeGb, newSizeGb,
                yearlyMonthly, autoPay, device, state, jobId, orderId, startedAt, updatedAt, finishedAt, message,
                newFailureReason, newErrorCode, newRequestId, rawState);
    }
}
