package io.expanse;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Guards the README's "Layout" table: which folder may use which. Only the application's own classes are imported,
 * not the tests (which may reach anywhere to set things up).
 */
@AnalyzeClasses(packages = "io.expanse",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestClassesFolder.class})
class ArchitectureTest {

    /**
     * {@link ImportOption.DoNotIncludeTests} knows Maven's test classes by {@code target/test-classes}; this also
     * leaves them out when the build runs in another folder ({@code -Dexpanse.build.dir=...}).
     */
    static final class NoTestClassesFolder implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/test-classes/");
        }
    }

    @ArchTest
    static final ArchRule UI_DOES_NOT_USE_THE_SANDBOX = noClasses()
            .that().resideInAPackage("io.expanse.ui..")
            .should().dependOnClassesThat().resideInAPackage("io.expanse.sandbox..")
            .because("the views show whatever account the composition root (app) connected them to; starting or"
                    + " choosing the sandbox is app's job");

    /** With {@link #UI_DOES_NOT_USE_THE_SANDBOX}: only app (and the sandbox itself) may use the sandbox. */
    @ArchTest
    static final ArchRule ONLY_APP_USES_THE_SANDBOX = noClasses()
            .that().resideOutsideOfPackages("io.expanse.app..", "io.expanse.sandbox..", "io.expanse.ui..")
            .should().dependOnClassesThat().resideInAPackage("io.expanse.sandbox..")
            .because("the sandbox is a simulated cloud that only the composition root starts and wires in;"
                    + " everything else talks to a cloud through its client");

    @ArchTest
    static final ArchRule UNICLOUD_DOES_NOT_USE_HUAWEI = noClasses()
            .that().resideInAPackage("io.expanse.cloud.unicloud..")
            .should().dependOnClassesThat().resideInAPackage("io.expanse.cloud.huawei..")
            .because("each cloud has a package of its own; what both clouds need lives in io.expanse.cloud or"
                    + " its shared HTTP layer");

    @ArchTest
    static final ArchRule THE_SHARED_HTTP_LAYER_KNOWS_NO_CLOUD = noClasses()
            .that().resideInAPackage("io.expanse.cloud.http..")
            .should().dependOnClassesThat().resideInAnyPackage("io.expanse.cloud.huawei..",
                    "io.expanse.cloud.unicloud..")
            .because("retries, write-once sending, deadlines and body limits exist once for both clouds; each"
                    + " cloud plugs in its signing and its error bodies");

    @ArchTest
    static final ArchRule LOGGING_DOES_NOT_USE_SETTINGS = noClasses()
            .that().resideInAPackage("io.expanse.logging..")
            .should().dependOnClassesThat().resideInAPackage("io.expanse.settings..")
            .because("logging starts before anything else and is used by settings; where files live is in"
                    + " io.expanse.files, which both may use");

    @ArchTest
    static final ArchRule ONLY_THE_UI_USES_JAVAFX = noClasses()
            .that().resideInAnyPackage("io.expanse.domain..", "io.expanse.cloud..", "io.expanse.work..",
                    "io.expanse.settings..", "io.expanse.logging..", "io.expanse.files..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("rules, clients, background work, settings, logging and files run and are tested without"
                    + " a display; JavaFX belongs to ui and app");

    @ArchTest
    static final ArchRule DOMAIN_DOES_NOT_USE_HTTP = noClasses()
            .that().resideInAPackage("io.expanse.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "io.expanse.cloud..http..")
            .because("the domain holds pure rules, decided before any call is made; it may read the clouds'"
                    + " data types but never talks HTTP");

    @ArchTest
    static final ArchRule CLOUD_DOES_NOT_USE_THE_LAYERS_ABOVE = noClasses()
            .that().resideInAPackage("io.expanse.cloud..")
            .should().dependOnClassesThat().resideInAnyPackage("io.expanse.ui..", "io.expanse.work..",
                    "io.expanse.settings..", "io.expanse.app..")
            .because("the API clients are the bottom layer: the views, background work, settings and the"
                    + " composition root use them, never the other way round");
}
