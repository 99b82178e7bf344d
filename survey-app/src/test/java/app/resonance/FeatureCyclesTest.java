package app.resonance;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * No two features depend on each other, directly or around a longer cycle: the main code of survey-app,
 * sliced by feature ({@code app.resonance.(*)..}), is free of cycles. A feature that must tell another one
 * something against the arrow fires a CDI event (as the rollups do for the alert rules); shared pieces live
 * in {@code platform}. ArchUnit reads the compiled classes, so fully qualified names and static imports
 * count as well.
 */
class FeatureCyclesTest {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("app.resonance");

    @Test
    void featuresAreFreeOfCycles() {
        slices().matching("app.resonance.(*)..")
                .namingSlices("feature $1")
                .should()
                .beFreeOfCycles()
                .check(MAIN);
    }
}
