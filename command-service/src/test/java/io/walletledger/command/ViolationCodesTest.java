package io.walletledger.command;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.walletledger.command.idempotency.ViolationCodes;
import io.walletledger.violation.LedgerViolation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ViolationCodesTest {

    @Test
    void every_typed_violation_of_the_core_has_one_stable_problem_code() {
        List<Class<?>> violations = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.walletledger")
                .stream()
                .filter(c -> c.isAssignableTo(LedgerViolation.class) && !c.reflect().equals(LedgerViolation.class))
                .map(JavaClass::reflect)
                .toList();

        assertThat(violations).hasSizeGreaterThanOrEqualTo(10);
        assertThat(violations).allSatisfy(v -> assertThat(ViolationCodes.maps(v)).as(v.getName()).isTrue());
    }
}
