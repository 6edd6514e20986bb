package io.expanse.ui.volumes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.expanse.cloud.ApiException;
import io.expanse.cloud.huawei.EnterpriseProject;
import io.expanse.ui.common.Session;
import io.expanse.ui.common.task.CurrentThreadTaskExecutor;
import io.expanse.ui.fakes.FakeEvs;
import io.expanse.work.accounts.EvsAccount;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Enterprise projects by name: read once per account, ids when the account may not list them. */
class ProjectNamesTest {

    private final Session session = new Session();
    private final FakeEvs api = new FakeEvs();

    private EvsAccount account(String label) {
        return new EvsAccount(label, false, FakeEvs.REGION, FakeEvs.PROJECT, api, null);
    }

    @Test
    void namesAreReadOncePerAccountAndKept() {
        api.enterpriseProjects = List.of(new EnterpriseProject("0", "default", 1),
                new EnterpriseProject("ep-1", "finance", 1));
        ProjectNames names = new ProjectNames(session, new CurrentThreadTaskExecutor());
        EvsAccount first = account("A");
        session.connected(first);
        assertEquals(Map.of(), names.namesProperty().get(), "read only once the list is shown");
        names.ensureFor(first);
        assertEquals(Map.of("0", "default", "ep-1", "finance"), names.namesProperty().get());
        EvsAccount second = account("B");
        session.connected(second);
        names.ensureFor(second);
        session.connected(first);
        assertEquals(Map.of("0", "default", "ep-1", "finance"), names.namesProperty().get(), "kept for A");
        names.ensureFor(first);
        assertEquals(2, api.enterpriseProjectCalls, "account A was read twice");
        assertEquals("finance", ProjectNames.text("ep-1", names.namesProperty().get(), "default"));
    }

    @Test
    void whenListingIsNotPermittedIdsAreShown() {
        api.enterpriseProjectsFailure = new ApiException(ApiException.Kind.PERMISSION, "Not allowed.", null);
        ProjectNames names = new ProjectNames(session, new CurrentThreadTaskExecutor());
        EvsAccount a = account("A");
        session.connected(a);
        names.ensureFor(a);
        assertEquals(Map.of(), names.namesProperty().get());
        assertEquals("ep-1", ProjectNames.text("ep-1", names.namesProperty().get(), "default"));
        EvsAccount b = account("B");
        session.connected(b);
        names.ensureFor(b);
        session.connected(a);
        names.ensureFor(a);
        assertEquals(2, api.enterpriseProjectCalls, "a refusal is remembered for the account too");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "-", value = {"ep-1, finance", "ep-2, ep-2", "0, default", "-, ''", "'', ''"})
    void textOfAVolumesProject(String id, String expected) {
        assertEquals(expected, ProjectNames.text(id, Map.of("ep-1", "finance"), "default"));
    }
}
