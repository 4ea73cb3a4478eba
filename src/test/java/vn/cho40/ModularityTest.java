package vn.cho40;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The module boundaries, and the rule that pure logic stays free of Spring and the database. */
class ModularityTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.cho40");

    @Test
    void modulesOnlyUseEachOthersPublicApiWithoutCycles() {
        ApplicationModules.of(Cho40Application.class).verify();
    }

    @Test
    void sharedBuildingBlocksArePureJava() {
        noClasses().that().resideInAPackage("vn.cho40.shared..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..")
                .check(CLASSES);
    }

    @Test
    void rulesAndFileReadersAreFreeOfSpring() {
        noClasses().that().haveSimpleNameEndingWith("Rules").or().haveSimpleName("StallFile")
                .or().haveSimpleName("GoodsCategory").or().haveSimpleName("BankDirectory")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..")
                .check(CLASSES);
    }

    @Test
    void noJpa() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..")
                .check(CLASSES);
    }

    @Test
    void controllersAreNotPublic() {
        classes().that().areAnnotatedWith(org.springframework.stereotype.Controller.class)
                .or().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .should().notBePublic()
                .check(CLASSES);
    }
}
