package io.expanse.work;

import io.expanse.cloud.ApiException;
import io.expanse.cloud.huawei.EvsApi;
import io.expanse.cloud.huawei.Job;
import io.expanse.cloud.huawei.Order;
import io.expanse.cloud.huawei.ResizeAccepted;
import io.expanse.cloud.huawei.ServerInfo;
import io.expanse.cloud.huawei.Volume;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A scripted EvsApi: each read method answers from its own queue (a value or an ApiException to throw); the last
 * answer of a queue repeats. An empty queue fails the test.
 */
final class FakeEvsApi implements EvsApi {

    static final String REGION = "cn-north-4";
    static final String PROJECT = "proj-1";

    final Deque<Object> resizeAnswers = new ArrayDeque<>();
    final Deque<Object> volumes = new ArrayDeque<>();
    final Deque<Object> jobs = new ArrayDeque<>();
    final Deque<Object> orders = new ArrayDeque<>();
    int resizeCalls;
    int volumeCalls;
    int jobCalls;
    int orderCalls;
    /** Runs inside resize(), before it answers. */
    Runnable onResize = () -> { };

    static Volume volume(String status, long size) {
        return new Volume("vol-1", "data-01", status, size, "SSD", "cn-north-4a", false, false,
                List.of(new Volume.Attachment("srv-1", "att-1", "/dev/vdb", null, null)), Map.of(), "0", null, null);
    }

    static Job job(String status) {
        return new Job("job-1", status, "extendVolume", "vol-1", null, null, null, null);
    }

    static Order order(int status) {
        return new Order("CS123", status, 3, "10.00", "CNY", null, null);
    }

    static ApiException error(ApiException.Kind kind, int http, String code, String message) {
        return new ApiException(kind, http, code, "server says " + code, "req-" + code, message, null, null);
    }

    FakeEvsApi resizeAnswers(Object... answers) {
        resizeAnswers.addAll(List.of(answers));
        return this;
    }

    FakeEvsApi volumes(Object... answers) {
        volumes.addAll(List.of(answers));
        return this;
    }

    FakeEvsApi jobs(Object... answers) {
        jobs.addAll(List.of(answers));
        return this;
    }

    FakeEvsApi orders(Object... answers) {
        orders.addAll(List.of(answers));
        return this;
    }

    @Override
    public ResizeAccepted resize(String volumeId, int newSizeGb, Boolean autoPay) throws ApiException {
        resizeCalls++;
        onResize.run();
        return ScriptedAnswers.next(resizeAnswers, ResizeAccepted.class, "resize");
    }

    @Override
    public Volume getVolume(String volumeId) throws ApiException {
        volumeCalls++;
        return ScriptedAnswers.next(volumes, Volume.class, "getVolume");
    }

    @Override
    public Job getJob(String jobId) throws ApiException {
        jobCalls++;
        return ScriptedAnswers.next(jobs, Job.class, "getJob");
    }

    @Override
    public Order getOrder(String orderId) throws ApiException {
        orderCalls++;
        return ScriptedAnswers.next(orders, Order.class, "getOrder");
    }

    @Override
    public List<Volume> listVolumes() {
        throw new AssertionError("not used");
    }

    @Override
    public ServerInfo getServer(String serverId) {
        throw new AssertionError("not used");
    }

    @Override
    public String projectId() {
        return PROJECT;
    }

    @Override
    public String region() {
        return REGION;
    }
}
