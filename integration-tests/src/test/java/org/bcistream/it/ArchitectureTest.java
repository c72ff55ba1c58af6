package org.bcistream.it;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of DESIGN.md, enforced on the production classes of every module: the math and the
 * decoding stages are plain Java that any operator, benchmark or offline tool can call.
 */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.bcistream");
        if (production.stream().noneMatch(c -> c.getPackageName().startsWith("org.bcistream.decoders"))
                || production.stream().noneMatch(c -> c.getPackageName().startsWith("org.bcistream.hardware"))) {
            throw new IllegalStateException("module classes were not found on the class path; the rules would check nothing");
        }
    }

    @Test
    void decodersAndModelsImportNoFlinkKafkaOrLsl() {
        ArchRule rule = noClasses()
                .that().resideInAnyPackage("org.bcistream.decoders..", "org.bcistream.models..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.apache.flink..", "org.apache.kafka..", "com.sun.jna..", "edu.ucsd.sccn..",
                        "org.bcistream.streaming..")
                .because("decoders and models are plain Java that a Flink operator wraps (DESIGN.md)");
        rule.check(production);
    }

    @Test
    void modelsAndHardwareProfilesDependOnNoOtherModule() {
        noClasses().that().resideInAPackage("org.bcistream.models..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.bcistream.hardware..", "org.bcistream.decoders..", "org.bcistream.streaming..")
                .allowEmptyShould(true) // models has no classes until the iP-VAE and diffusion code lands
                .check(production);
        noClasses().that().resideInAPackage("org.bcistream.hardware..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.bcistream.models..", "org.bcistream.decoders..", "org.bcistream.streaming..",
                        "org.apache.flink..", "org.apache.kafka..", "com.sun.jna..")
                .check(production);
    }

    @Test
    void onlyTheLiblslBindingImportsJna() {
        noClasses().that().resideOutsideOfPackage("org.bcistream.streaming.lsl..")
                .should().dependOnClassesThat().resideInAPackage("com.sun.jna..")
                .check(production);
    }
}
