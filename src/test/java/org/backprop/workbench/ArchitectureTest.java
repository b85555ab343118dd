package org.backprop.workbench;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering of the workbench: a core (engine, check, io, report and any later package such as steps, lesson or
 * numeric) that knows nothing of a user interface, then {@code cli}, then {@code app}. The rules name what is
 * allowed to see the UI toolkits rather than listing the core packages, so that a new core package is covered the
 * day it is created.
 */
@AnalyzeClasses(packages = "org.backprop.workbench", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String ROOT = "org.backprop.workbench";
    private static final String LAUNCHER = ROOT + ".Launcher";
    private static final String APP = ROOT + ".app..";
    private static final String CLI = ROOT + ".cli..";

    @ArchTest
    static final ArchRule onlyTheAppAndTheLauncherTouchJavaFxOrJFreeChart = noClasses()
            .that().resideInAPackage(ROOT + "..")
            .and().resideOutsideOfPackage(APP)
            .and().doNotHaveFullyQualifiedName(LAUNCHER)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree..")
            .because("the engine, checks, files and reports must run headless and be testable without a display");

    @ArchTest
    static final ArchRule theCoreDependsNeitherOnTheCommandLineNorOnTheApp = noClasses()
            .that().resideInAPackage(ROOT + "..")
            .and().resideOutsideOfPackages(APP, CLI)
            .and().doNotHaveFullyQualifiedName(LAUNCHER)
            .should().dependOnClassesThat().resideInAnyPackage(APP, CLI)
            .because("the core is shared by the command line, the app and the lessons, so it cannot know about them");

    @ArchTest
    static final ArchRule theCommandLineDoesNotDependOnTheApp = noClasses()
            .that().resideInAPackage(CLI)
            .should().dependOnClassesThat().resideInAPackage(APP)
            .because("the check command runs headless, without JavaFX on the class path being touched");

    private static final String KERNEL = ROOT + ".kernel..";
    private static final String UTIL = ROOT + ".util..";

    @ArchTest
    static final ArchRule theKernelsKnowOnlyJavaAndEachOther = classes()
            .that().resideInAPackage(KERNEL)
            .should().onlyDependOnClassesThat().resideInAnyPackage(KERNEL, "java..")
            .because("an activation or a loss is mathematics only: the engine, the checks and the display ask it,"
                    + " so it cannot know any of them (and a new one stays one file)");

    @ArchTest
    static final ArchRule anActivationKnowsNoLoss = noClasses()
            .that().resideInAPackage(ROOT + ".kernel.activation..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".kernel.loss..")
            .because("a loss may reuse an activation's formula (softmax, sigmoid), never the other way round: the"
                    + " activation files stand alone (kernel.activation's package-info)");

    @ArchTest
    static final ArchRule theKernelInterfacesKnowNoKernel = noClasses()
            .that().resideInAPackage(ROOT + ".kernel")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".kernel.activation..", ROOT + ".kernel.loss..")
            .because("Arithmetic, the kernel interfaces and EntryText are what every kernel is written against; the"
                    + " kernels are found by the engine, not named here");

    @ArchTest
    static final ArchRule theUtilitiesKnowOnlyJava = classes()
            .that().resideInAPackage(UTIL)
            .should().onlyDependOnClassesThat().resideInAnyPackage(UTIL, "java..")
            .because("every package may use them, so they may use none");

    @ArchTest
    static final ArchRule theMessagesKnowOnlyJavaAndTheUtilities = classes()
            .that().resideInAPackage(ROOT + ".i18n..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(ROOT + ".i18n..", UTIL, "java..")
            .because("the file readers of the core (io, lesson, against), the command line and the app all word their"
                    + " messages through i18n, so it must stay plain Java that knows none of them");

    @ArchTest
    static final ArchRule theEngineKnowsOnlyItsKernelsAndTheUtilities = classes()
            .that().resideInAPackage(ROOT + ".engine..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(ROOT + ".engine..", KERNEL, UTIL, "org.ejml..",
                    "java..")
            .because("the engine is the note's formulas; checks, files and displays are built on it, not in it");

    @ArchTest
    static final ArchRule theNumericsDoNotKnowTheChecks = noClasses()
            .that().resideInAPackage(ROOT + ".numeric..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".check..", ROOT + ".report..",
                    ROOT + ".steps..", ROOT + ".explore..", ROOT + ".lesson..", ROOT + ".bench..", ROOT + ".io..")
            .because("difference methods and the complex step sit between the engine and the checks that use them");

    @ArchTest
    static final ArchRule theDialogsKnowOnlyJavaFxAndTheMessages = classes()
            .that().resideInAPackage(ROOT + ".app.dialogs..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(ROOT + ".app.dialogs..", ROOT + ".i18n..", "javafx..", "java..")
            .because("a dialog asks and answers; loading or checking what was chosen is the window's business");

    @ArchTest
    static final ArchRule theActionsDoNotKnowThePanelsOrTheCore = classes()
            .that().resideInAPackage(ROOT + ".app.actions..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(ROOT + ".app.actions..", ROOT + ".app", ROOT + ".i18n..",
                    "javafx..", "java..")
            .because("the action table names what to do once; the window binds what each action does");

    private static final String MAIN_WINDOW = ROOT + ".app.MainWindow";

    @ArchTest
    static final ArchRule onlyTheEntryPointsKnowTheMainWindow = noClasses()
            .that().resideInAPackage(ROOT + "..")
            // the window itself and the two entry points that open one (the app, the screenshot tour), nested too
            .and().haveNameNotMatching("\\Q" + ROOT + ".app.\\E(MainWindow|WorkbenchApp|Screenshots)(\\$.*)?")
            .should().dependOnClassesThat().haveFullyQualifiedName(MAIN_WINDOW)
            .because("the window only lays out its parts (WindowParts); a part that reached back into the window would"
                    + " make a circle, as the lesson UI and the language menu once did");

    @ArchTest
    static final ArchRule everyActivationKernelIsAPublicClassOfItsPackage = classes()
            .that().implement(org.backprop.workbench.kernel.ActivationKernel.class).and().areNotInterfaces()
            .and().areNotAnonymousClasses()
            .should().resideInAPackage(ROOT + ".kernel.activation").andShould().bePublic()
            .because("engine.Activation finds the activations as the public kernel classes of kernel.activation: a"
                    + " kernel anywhere else would silently be no activation");

    @ArchTest
    static final ArchRule everyLossKernelIsAPublicClassOfItsPackage = classes()
            .that().implement(org.backprop.workbench.kernel.LossKernel.class).and().areNotInterfaces()
            .and().areNotAnonymousClasses()
            .should().resideInAPackage(ROOT + ".kernel.loss").andShould().bePublic()
            .because("engine.Loss finds the losses as the public kernel classes of kernel.loss");

    @ArchTest
    static final ArchRule onlyTheEngineScansForKernels = noClasses()
            .that().resideOutsideOfPackages(ROOT + ".engine..", UTIL)
            .should().dependOnClassesThat().haveFullyQualifiedName(ROOT + ".util.PackageScan")
            .because("the activations and losses are found once, by engine.Activation and engine.Loss; everything"
                    + " else asks them");
}
