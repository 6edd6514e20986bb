package io.expanse.settings;

import io.expanse.text.Texts;
import io.expanse.cloud.ApiException;
import io.expanse.cloud.huawei.Credentials;
import io.expanse.cloud.huawei.HuaweiClient;
import io.expanse.cloud.http.RetryPolicy;
import io.expanse.cloud.unicloud.UniCloudClient;
import io.expanse.cloud.unicloud.UniCloudCredentials;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import okhttp3.OkHttpClient;

/**
 * "Test connection" for a profile: for Huawei Cloud, finds the project id through IAM when the profile has none,
 * then makes one cheap signed call ({@link HuaweiClient#probe()}); for UniCloud, one signed {@code QueryOrders}
 * ({@link UniCloudClient#probe()}). Explains the outcome in a plain sentence. Blocking: call off the FX thread.
 */
public final class ConnectionTester {

    /** What the test found. */
    public enum Outcome {
        OK,
        /** The key and signature were accepted, but the test's own query was refused for another reason. */
        KEY_WORKS,
        INCOMPLETE, WRONG_KEY, CLOCK_SKEW, UNKNOWN_REGION_OR_PROJECT, NO_NETWORK, TLS_FAILURE,
        PERMISSION_DENIED, OTHER
    }

    /**
     * @param outcome   the classification
     * @param message   the sentence for the operator (never contains a secret)
     * @param projectId the project used (discovered or given), or null
     * @param clockSkew local minus server time when the server's clock was seen, else null
     */
    public record Result(Outcome outcome, String message, String projectId, Duration clockSkew) {
        /** Whether the credentials work: a full success, or a key that was accepted. */
        public boolean ok() {
            return outcome == Outcome.OK || outcome == Outcome.KEY_WORKS;
        }
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ConnectionTester.class);
    private static final Pattern PERMISSION = Pattern.compile("\\b([a-z][a-z0-9]*:[a-zA-Z0-9*]+:[a-zA-Z0-9*]+)\\b");

    private final OkHttpClient http;
    private final Executor executor;
    private final Clock clock;

    public ConnectionTester(OkHttpClient http, Executor executor, Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Tests a Huawei profile with these credentials. */
    public Result testHuawei(Profile profile, Credentials credentials) {
        List<String> problems = profile.problems();
        if (!problems.isEmpty()) {
            return new Result(Outcome.INCOMPLETE, Texts.sentences(problems.toArray(String[]::new)), null, null);
        }
        if (credentials == null) {
            return new Result(Outcome.INCOMPLETE, Texts.get(profile.temporary() ? "connection.enterSkAndToken"
                    : "profile.problem.enterSk"), null, null);
        }
        // The same enterprise-project filter as the volume list, so the count is the one the list will show.
        HuaweiClient.Builder builder = HuaweiClient.builder().http(http).endpoints(profile.huaweiEndpoints())
                .credentials(credentials).region(profile.region()).clock(clock).retry(RetryPolicy.none())
                .pageExecutor(executor).enterpriseProject(profile.enterpriseProjectId());
        String projectId = profile.projectId();
        boolean discovered = projectId == null;
        try {
            if (discovered) {
                projectId = builder.lookupProjectId(profile.region());
            }
            HuaweiClient client = builder.projectId(projectId).build();
            long count = client.probe();
            String volumes = count < 0 ? ""
                    : profile.enterpriseProjectId() == null ? Texts.get("connection.disks", count)
                    : "all".equalsIgnoreCase(profile.enterpriseProjectId()) ? Texts.get("connection.disks.all", count)
                    : Texts.get("connection.disks.project", count, profile.enterpriseProjectId());
            return new Result(Outcome.OK, Texts.sentences(Texts.get(discovered ? "connection.ok.discovered"
                    : "connection.ok", profile.region(), projectId), volumes), projectId, client.lastObservedSkew());
        } catch (ApiException e) {
            return explain(e, profile.region(), discovered ? null : projectId);
        } catch (RuntimeException e) {
            return unexpected(e);
        }
    }

    /**
     * The enterprise projects these credentials may list (Enterprise Project Management), for choosing one by
     * name in the profile editor; a refusal (no EPS permission) is thrown as it came.
     */
    public List<io.expanse.cloud.huawei.EnterpriseProject> enterpriseProjects(Profile profile,
                                                                               Credentials credentials)
            throws ApiException {
        return HuaweiClient.builder().http(http).endpoints(profile.huaweiEndpoints()).credentials(credentials)
                .clock(clock).retry(RetryPolicy.none()).listEnterpriseProjects();
    }

    /** A program error during the test: a plain sentence on screen, the details in the log. */
    private static Result unexpected(RuntimeException e) {
        LOG.warn("The connection test failed unexpectedly", e);
        return new Result(Outcome.OTHER, Texts.get("connection.unexpected"), null, null);
    }

    /**
     * Tests a UniCloud profile with this AccessKey secret: one signed {@code QueryOrders} for a single order
     * ({@link UniCloudClient#probe()}) on the profile's endpoints.
     */
    public Result testUniCloud(Profile profile, String secret) {
        List<String> problems = profile.problems();
        if (!problems.isEmpty()) {
            return new Result(Outcome.INCOMPLETE, Texts.sentences(problems.toArray(String[]::new)), null, null);
        }
        if (secret == null || secret.isBlank()) {
            return new Result(Outcome.INCOMPLETE, Texts.get("profile.problem.enterSecret"), null, null);
        }
        UniCloudClient client = UniCloudClient.builder().http(http).endpoints(profile.uniCloudEndpoints())
                .credentials(new UniCloudCredentials(profile.accessKeyId(), secret)).region(profile.region())
                .clock(clock).retry(RetryPolicy.none()).build();
        try {
            long orders = client.probe();
            String seen = orders < 0 ? "" : Texts.get("connection.orders", orders);
            return new Result(Outcome.OK, Texts.sentences(Texts.get("connection.ok.unicloud", profile.region()), seen),
                    null, null);
        } catch (ApiException e) {
            return explainUniCloud(e);
        } catch (RuntimeException e) {
            return unexpected(e);
        }
    }

    /** UniCloud's failures: a refused signature means the secret or the clock; the network like Huawei's. */
    static Result explainUniCloud(ApiException e) {
        Result network = explainNetwork(e, Texts.get("connection.cloud.unicloud"));
        if (network != null) {
            return network;
        }
        if (e.kind() == ApiException.Kind.CLOCK_SKEW) {
            return new Result(Outcome.CLOCK_SKEW, e.operatorMessage(), null, e.clockSkew());
        }
        if (e.kind() == ApiException.Kind.AUTHENTICATION) {
            return new Result(Outcome.WRONG_KEY, withDetails(Texts.get("connection.unicloud.signature"), e), null,
                    null);
        }
        if (e.kind() == ApiException.Kind.PERMISSION) {
            return new Result(Outcome.PERMISSION_DENIED, Texts.get("connection.permission", e.operatorMessage()), null,
                    null);
        }
        if (e.code() != null && e.kind() != ApiException.Kind.BAD_RESPONSE) {
            // UniCloud answered in its own format with a code that is not about the key or the signature: the
            // signature was checked and accepted, so the key works; only the test's query was refused.
            return new Result(Outcome.KEY_WORKS, Texts.get("connection.unicloud.keyWorks", e.operatorMessage(),
                    e.details()), null, null);
        }
        return new Result(Outcome.OTHER, withDetails(e.operatorMessage(), e), null, null);
    }

    /** "sentence (EVS.1015, HTTP 400, request …)", or the sentence alone when there are no details. */
    private static String withDetails(String sentence, ApiException e) {
        return e.details().isEmpty() ? sentence : Texts.get("connection.withDetails", sentence, e.details());
    }

    /** No network or a TLS failure, in the cloud's name; null when the failure is not one of those. */
    private static Result explainNetwork(ApiException e, String cloud) {
        Throwable network = networkCause(e);
        if (network instanceof SSLException || network instanceof CertificateException) {
            return new Result(Outcome.TLS_FAILURE, Texts.get("connection.tls"), null, null);
        }
        if (network instanceof UnknownHostException) {
            return new Result(Outcome.NO_NETWORK, Texts.get("connection.unknownHost"), null, null);
        }
        if (network != null || e.kind() == ApiException.Kind.NETWORK) {
            return new Result(Outcome.NO_NETWORK, Texts.get("connection.noNetwork", cloud, e.operatorMessage()), null,
                    null);
        }
        return null;
    }

    /** The plain sentence for a failed test. */
    static Result explain(ApiException e, String region, String projectId) {
        Result network = explainNetwork(e, Texts.get("connection.cloud.huawei"));
        if (network != null) {
            return network;
        }
        String code = e.code() == null ? "" : e.code();
        switch (e.kind()) {
            case CLOCK_SKEW:
                return new Result(Outcome.CLOCK_SKEW, e.operatorMessage(), null, e.clockSkew());
            case AUTHENTICATION:
                if ("APIGW.0307".equals(code)) {
                    return new Result(Outcome.WRONG_KEY, Texts.get("connection.tokenExpired"), null, null);
                }
                return new Result(Outcome.WRONG_KEY, Texts.get("connection.wrongKey"), null, null);
            case PERMISSION:
                if ("APIGW.0310".equals(code)) {
                    return unknownProject(region, projectId);
                }
                Matcher m = PERMISSION.matcher(e.serverMessage() == null ? "" : e.serverMessage());
                String missing = m.find() ? m.group(1) : null;
                return new Result(Outcome.PERMISSION_DENIED, missing != null
                        ? Texts.get("connection.permission.missing", missing)
                        : Texts.get("connection.permission", e.operatorMessage()), null, null);
            case NOT_FOUND:
                return unknownProject(region, projectId);
            default:
                return new Result(Outcome.OTHER, withDetails(e.operatorMessage(), e), null, null);
        }
    }

    private static Result unknownProject(String region, String projectId) {
        return new Result(Outcome.UNKNOWN_REGION_OR_PROJECT, projectId == null
                ? Texts.get("connection.unknownRegion", region)
                : Texts.get("connection.unknownProject", projectId, region), null, null);
    }

    private static Throwable networkCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException || t instanceof CertificateException || t instanceof UnknownHostException
                    || t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException) {
                return t;
            }
        }
        return null;
    }
}
