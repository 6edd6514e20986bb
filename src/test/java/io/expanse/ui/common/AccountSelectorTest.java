package io.expanse.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.ApiException;
import io.expanse.settings.Profile;
import io.expanse.settings.ProfileRepository;
import io.expanse.settings.SdkProfiles;
import io.expanse.settings.SessionSecretStore;
import io.expanse.settings.SettingsStore;
import io.expanse.ui.common.task.CurrentThreadTaskExecutor;
import io.expanse.ui.common.task.QueuedTaskExecutor;
import io.expanse.ui.common.task.TaskExecutor;
import io.expanse.work.accounts.AccountProfiles;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The account selector both tabs use, on plain executors: no toolkit, no window. */
class AccountSelectorTest {

    /** An opened account that knows whether it was closed. */
    static final class FakeAccount implements AutoCloseable {
        final String name;
        int closed;

        FakeAccount(String name) {
            this.name = name;
        }

        @Override
        public void close() {
            closed++;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Opens a fake account per profile id ("sandbox" for null), fails for the ids told, runs a hook while opening. */
    static final class FakeOpener implements AccountSelector.Opener<FakeAccount> {
        final List<FakeAccount> opened = new ArrayList<>();
        final Map<String, Exception> failures = new java.util.HashMap<>();
        Consumer<String> whileOpening = id -> { };

        @Override
        public FakeAccount open(Profile profile) throws Exception {
            String id = profile == null ? "sandbox" : profile.id();
            whileOpening.accept(id);
            if (failures.containsKey(id)) {
                throw failures.get(id);
            }
            FakeAccount account = new FakeAccount(id);
            opened.add(account);
            return account;
        }
    }

    /** Records what the tab would show. */
    static final class Shown implements AccountSelector.Listener<FakeAccount> {
        final List<String> events = new ArrayList<>();

        @Override
        public void connecting(String what) {
            events.add("connecting " + what);
        }

        @Override
        public void connected(FakeAccount account) {
            events.add("connected " + account);
        }

        @Override
        public void failed(String message) {
            events.add("failed " + message);
        }
    }

    /** Long and odd: the redactor refuses to write any text that contains a stored secret. */
    static final String SECRET = "selector-test-secret-7f3a9c";

    @TempDir
    Path dir;

    private ProfileRepository repository;
    private final FakeOpener opener = new FakeOpener();
    private final Shown shown = new Shown();

    @BeforeEach
    void setUp() {
        repository = new ProfileRepository(new SettingsStore(dir.resolve("settings.json"), Clock.systemUTC()),
                new SessionSecretStore(), new SdkProfiles.Discovery(List.of(), List.of()));
    }

    private static Profile nas(String id) {
        return new Profile(id, id, Profile.Kind.UNICLOUD, Profile.Source.SETTINGS, "cn-tianjin-yfb", null, null, null,
                "UCAKEXAMPLE00001", false, Map.of());
    }

    private static Profile huawei(String id) {
        return new Profile(id, id, Profile.Kind.HUAWEI, Profile.Source.SETTINGS, "cn-north-4", Profile.Site.CHINA,
                null, null, "AKEXAMPLE0000001", false, Map.of());
    }

    private AccountSelector<FakeAccount> selector(Profile.Kind kind, TaskExecutor tasks) {
        return new AccountSelector<>(new AccountProfiles(repository, kind, false), opener, tasks, shown);
    }

    private static AccountChoice choice(AccountSelector<?> selector, String id) {
        return selector.choices().stream().filter(c -> !c.sandbox() && c.profile().id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no choice " + id));
    }

    @Test
    void listsTheSandboxThenTheProfilesOfItsKindOnly() {
        repository.save(nas("nas-a"), SECRET, null);
        repository.save(huawei("ops"), SECRET, null);
        AccountSelector<FakeAccount> selector = selector(Profile.Kind.UNICLOUD, new CurrentThreadTaskExecutor());
        assertEquals(List.of("Sandbox (simulated, built in)", "nas-a · cn-tianjin-yfb"),
                selector.choices().stream().map(AccountChoice::toString).toList());
        assertNull(selector.currentProperty().get());
        assertTrue(opener.opened.isEmpty(), "listing opened an account");
    }

    @Test
    void aSwitchShowsTheOpenedAccountAndClosesThePreviousOne() {
        repository.save(nas("nas-a"), SECRET, null);
        AccountSelector<FakeAccount> selector = selector(Profile.Kind.UNICLOUD, new CurrentThreadTaskExecutor());
        selector.switchTo(AccountChoice.SANDBOX);
        FakeAccount sandbox = selector.account();
        assertEquals("sandbox", sandbox.name);

        selector.switchTo(choice(selector, "nas-a"));
        assertEquals("nas-a", selector.account().name);
        assertEquals(1, sandbox.closed, "the previous account was left open");
        assertEquals(List.of("connecting Sandbox (simulated, built in)", "connected sandbox",
                "connecting nas-a · cn-tianjin-yfb", "connected nas-a"), shown.events);

        selector.close();
        assertEquals(1, opener.opened.get(1).closed);
        assertNull(selector.account());
    }

    @Test
    void aSwitchOvertakenBeforeItRanNeverOpens() {
        repository.save(nas("nas-a"), SECRET, null);
        repository.save(nas("nas-b"), SECRET, null);
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        AccountSelector<FakeAccount> selector = selector(Profile.Kind.UNICLOUD, tasks);
        selector.switchTo(choice(selector, "nas-a"));
        selector.switchTo(choice(selector, "nas-b"));
        tasks.runAll();
        assertEquals(List.of("nas-b"), opener.opened.stream().map(a -> a.name).toList());
        assertEquals("nas-b", selector.account().name);
        assertFalse(shown.events.contains("connected nas-a"));
    }

    @Test
    void aSwitchOvertakenWhileOpeningHasItsAccountClosed() {
        repository.save(nas("nas-a"), SECRET, null);
        repository.save(nas("nas-b"), SECRET, null);
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        AccountSelector<FakeAccount> selector = selector(Profile.Kind.UNICLOUD, tasks);
        AccountChoice b = choice(selector, "nas-b");
        // The operator picks nas-b while nas-a is still opening.
        opener.whileOpening = id -> {
            if (id.equals("nas-a")) {
                selector.switchTo(b);
            }
        };
        selector.switchTo(choice(selector, "nas-a"));
        tasks.runNext();
        FakeAccount loser = opener.opened.get(0);
        assertEquals("nas-a", loser.name);
        assertEquals(1, loser.closed, "the overtaken account was left open");
        assertNull(selector.account());
        assertEquals(b, selector.currentProperty().get());

        tasks.runAll();
        assertEquals("nas-b", selector.account().name);
        assertEquals(0, selector.account().closed);
        assertFalse(shown.events.contains("connected nas-a"), shown.events.toString());
        assertEquals(Optional.of("nas-b"), repository.lastUniCloud().map(Profile::id));
    }

    @Test
    void aFailedSwitchShowsTheMessageAndIsNotRemembered() {
        repository.save(nas("nas-a"), SECRET, null);
        opener.failures.put("nas-a", new ApiException(ApiException.Kind.AUTHENTICATION,
                "No secret is stored for nas-a; edit the profile and enter it again.", null));
        AccountSelector<FakeAccount> selector = selector(Profile.Kind.UNICLOUD, new CurrentThreadTaskExecutor());
        selector.switchTo(choice(selector, "nas-a"));
        assertNull(selector.account());
        assertEquals("nas-a", selector.currentProperty().get().profile().id(), "the selector lost the choice");
        assertEquals("failed Could not connect to nas-a · cn-tianjin-yfb: No secret is stored for nas-a; edit the "
                + "profile and enter it again.", shown.events.get(shown.events.size() - 1));
        assertTrue(repository.lastUniCloud().isEmpty(), "a failed choice was remembered");
    }

    @Test
    void reloadingKeepsTheChoiceWithTheProfilesNewFields() {
        repository.save(nas("nas-a"), SECRET, null);
        AccountSelector<FakeAccount> selector = selector(Profile.Kind.UNICLOUD, new CurrentThreadTaskExecutor());
        selector.switchTo(choice(selector, "nas-a"));
        FakeAccount open = selector.account();

        repository.save(nas("nas-a").withLabel("renamed"), null, null);
        repository.save(nas("nas-c"), SECRET, null);
        selector.reload();
        assertEquals(3, selector.choices().size());
        assertEquals("renamed", selector.currentProperty().get().profile().label());
        assertSame(open, selector.account(), "reloading reopened the account");
        assertEquals(0, open.closed);
        assertEquals(1, opener.opened.size());
    }

    @Test
    void deletingTheProfileShownFallsBackToTheSandbox() {
        repository.save(huawei("doomed"), SECRET, null);
        AccountSelector<FakeAccount> selector = selector(Profile.Kind.HUAWEI, new CurrentThreadTaskExecutor());
        selector.switchTo(choice(selector, "doomed"));
        FakeAccount doomed = selector.account();

        selector.delete(repository.find("doomed").orElseThrow());
        assertTrue(repository.find("doomed").isEmpty());
        assertFalse(repository.hasSecret(huawei("doomed")), "the secret outlived its profile");
        assertEquals(AccountChoice.SANDBOX, selector.currentProperty().get());
        assertEquals(List.of(AccountChoice.SANDBOX), selector.choices());
        assertEquals("sandbox", selector.account().name);
        assertEquals(1, doomed.closed);
    }

    @Test
    void aProfileRemovedElsewhereFallsBackToTheSandboxOnReload() {
        repository.save(nas("nas-a"), SECRET, null);
        AccountSelector<FakeAccount> selector = selector(Profile.Kind.UNICLOUD, new CurrentThreadTaskExecutor());
        selector.switchTo(choice(selector, "nas-a"));
        repository.delete("nas-a");
        selector.reload();
        assertEquals(AccountChoice.SANDBOX, selector.currentProperty().get());
        assertEquals("sandbox", selector.account().name);
    }

    @Test
    void theChoiceIsRememberedOffTheUiThreadOnceItOpened() {
        repository.save(nas("nas-a"), SECRET, null);
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        AccountSelector<FakeAccount> selector = selector(Profile.Kind.UNICLOUD, tasks);
        selector.switchTo(choice(selector, "nas-a"));
        assertTrue(repository.lastUniCloud().isEmpty(), "remembered before it opened");
        tasks.runNext();
        assertEquals(1, tasks.pending(), "remembering is not its own background work");
        assertTrue(repository.lastUniCloud().isEmpty());
        tasks.runNext();
        assertEquals(Optional.of("nas-a"), repository.lastUniCloud().map(Profile::id));

        selector.switchTo(AccountChoice.SANDBOX);
        tasks.runAll();
        assertTrue(repository.lastUniCloud().isEmpty(), "the packs view's sandbox choice was not remembered");
    }

    @Test
    void theInitialChoiceIsTheOneRememberedAndIsNotWrittenAgain() {
        repository.save(nas("nas-a"), SECRET, null);
        repository.selectUniCloud("nas-a");
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        AccountSelector<FakeAccount> selector = selector(Profile.Kind.UNICLOUD, tasks);
        selector.openInitial();
        tasks.runNext();
        assertEquals("nas-a", selector.account().name);
        assertEquals(0, tasks.pending(), "the initial choice was written again");

        AccountSelector<FakeAccount> forced = new AccountSelector<>(
                new AccountProfiles(repository, Profile.Kind.UNICLOUD, true), opener, tasks, shown);
        forced.openInitial();
        tasks.runAll();
        assertEquals("sandbox", forced.account().name);
    }

    @Test
    void savingTheProfileShownOpensItAgain() {
        repository.save(nas("nas-a"), SECRET, null);
        repository.save(nas("nas-b"), SECRET, null);
        AccountSelector<FakeAccount> selector = selector(Profile.Kind.UNICLOUD, new CurrentThreadTaskExecutor());
        selector.switchTo(choice(selector, "nas-a"));
        FakeAccount before = selector.account();

        selector.profileSaved(repository.find("nas-b").orElseThrow());
        assertSame(before, selector.account(), "saving another profile reopened the one shown");

        repository.save(nas("nas-a").withRegion("cn-north-9"), null, null);
        selector.profileSaved(repository.find("nas-a").orElseThrow());
        assertEquals(1, before.closed);
        assertEquals(2, opener.opened.size());
        assertEquals("nas-a", selector.account().name);
        assertEquals("cn-north-9", selector.currentProperty().get().profile().region());
    }
}
