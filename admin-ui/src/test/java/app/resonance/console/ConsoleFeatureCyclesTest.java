package app.resonance.console;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * No two console features depend on each other, directly or around a longer cycle: the console's main code,
 * sliced by feature ({@code app.resonance.console.(*)..}), is free of cycles, as survey-app's features are
 * ({@code FeatureCyclesTest}). What two pages share (the figure format, the Faces helpers) lives in
 * {@code console.platform}, which imports no feature. ArchUnit reads the compiled classes, so fully qualified
 * names and static imports count as well.
 */
class ConsoleFeatureCyclesTest {

    static final JavaClasses CONSOLE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("app.resonance.console");

    @Test
    void consoleFeaturesAreFreeOfCycles() {
        slices().matching("app.resonance.console.(*)..")
                .namingSlices("console feature $1")
                .should()
                .beFreeOfCycles()
                .check(CONSOLE);
    }
}
