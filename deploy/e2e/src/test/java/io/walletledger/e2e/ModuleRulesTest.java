package io.walletledger.e2e;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The module rules of the design, checked on the compiled classes of every module. */
class ModuleRulesTest {

    private static JavaClasses core;
    private static JavaClasses all;

    @BeforeAll
    static void importModules() {
        Path root = Path.of(System.getProperty("ledger.repository.root", "../.."));
        List<Path> modules = List.of("ledger-core", "command-service", "projection-service", "notification-service",
                "deploy/service-kit").stream().map(m -> root.resolve(m).resolve("target/classes")).toList();
        assertThat(modules).allSatisfy(path -> assertThat(Files.isDirectory(path)).as(path.toString()).isTrue());
        core = new ClassFileImporter().importPath(modules.get(0));
        all = new ClassFileImporter().importPaths(modules);
        assertThat(core.size()).isGreaterThan(10);
    }

    @Test
    void ledger_core_depends_on_no_micronaut_kafka_or_jdbc() {
        ArchRule rule = noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "io.micronaut..", "org.apache.kafka..", "java.sql..", "javax.sql..", "jakarta.inject..",
                "io.walletledger.command..", "io.walletledger.projection..", "io.walletledger.notification..",
                "io.walletledger.servicekit..");
        rule.check(core);
    }

    @Test
    void services_do_not_depend_on_each_other() {
        noClasses().that().resideInAPackage("io.walletledger.command..").should().dependOnClassesThat()
                .resideInAnyPackage("io.walletledger.projection..", "io.walletledger.notification..").check(all);
        noClasses().that().resideInAPackage("io.walletledger.projection..").should().dependOnClassesThat()
                .resideInAnyPackage("io.walletledger.command..", "io.walletledger.notification..").check(all);
        noClasses().that().resideInAPackage("io.walletledger.notification..").should().dependOnClassesThat()
                .resideInAnyPackage("io.walletledger.command..", "io.walletledger.projection..").check(all);
    }

    @Test
    void the_service_kit_knows_no_service() {
        noClasses().that().resideInAPackage("io.walletledger.servicekit..").should().dependOnClassesThat()
                .resideInAnyPackage("io.walletledger.command..", "io.walletledger.projection..",
                        "io.walletledger.notification..").check(all);
    }

    @Test
    void projection_and_notification_use_only_the_event_contract_of_the_core_not_its_aggregates() {
        noClasses().that().resideInAnyPackage("io.walletledger.projection..", "io.walletledger.notification..")
                .should().dependOnClassesThat().resideInAnyPackage("org.axonframework.modelling..",
                        "org.axonframework.commandhandling..", "org.axonframework.eventsourcing..")
                .check(all);
    }
}
