package ru.marketplace.keycloak.reset.benchmark;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import ru.marketplace.keycloak.reset.policy.GuessabilityCheck;
import ru.marketplace.keycloak.reset.policy.PasswordChecker;
import ru.marketplace.keycloak.reset.policy.PasswordProblem;
import ru.marketplace.keycloak.reset.policy.PasswordRules;

/**
 * What the marketplace password policy costs per password, at the default rules:
 * {@code composition} is the character and composition check alone, {@code fullCheck} what Keycloak runs
 * (composition, then zxcvbn with the user's data for a password that passes it).
 *
 * <p>Run: {@code mvn -B -Pbenchmark test -Djmh.args="-f 1 -wi 3 -w 1s -i 5 -r 1s PasswordPolicyBenchmark"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PasswordPolicyBenchmark {

    /**
     * A short password refused by the rules (zxcvbn never runs); a common one the rules let through; a
     * random-looking one; a Russian one (scored twice: as typed and on Latin keys); a crafted 20-character
     * password full of l33t characters, zxcvbn4j's worst case.
     */
    @Param({"qwerty", "QWerty12", "Tq7Lm2RvXp9ZdKw3", "ПАроль12", "ABcd4@({[<69!|$5+7%2"})
    public String password;

    private final PasswordRules rules = PasswordRules.DEFAULTS;
    private final PasswordChecker checker = new PasswordChecker(GuessabilityCheck::shared);
    private final List<String> userData =
            List.of("zelkovskiy", "marfa.zelkovskaya@example.com", "Марфа", "Зелковская");

    @Setup
    public void loadDictionaries() {
        GuessabilityCheck.shared();
    }

    @Benchmark
    public Optional<PasswordProblem> composition() {
        return PasswordChecker.checkComposition(rules, password);
    }

    @Benchmark
    public Optional<PasswordProblem> fullCheck() {
        return checker.check(rules, password, userData);
    }
}
