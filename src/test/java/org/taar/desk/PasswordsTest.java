package org.taar.desk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Argon2id hashes: PHC form, salted, verified, and nothing matched by a broken or hostile hash. */
class PasswordsTest {
    private final Passwords passwords = new Passwords();

    @Test
    void hashesInPhcFormWithAFreshSaltAndVerify() {
        String a = passwords.hash("पासवर्ड हिन्दी में भी");
        String b = passwords.hash("पासवर्ड हिन्दी में भी");
        assertThat(a).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(a).as("salted").isNotEqualTo(b);
        assertThat(passwords.matches("पासवर्ड हिन्दी में भी", a)).isTrue();
        assertThat(passwords.matches("पासवर्ड हिन्दी में भी", b)).isTrue();
        assertThat(passwords.matches("पासवर्ड हिन्दी मे भी", a)).isFalse();
        assertThat(passwords.matches("", a)).isFalse();
        assertThat(passwords.matches(null, a)).isFalse();
    }

    @Test
    void aKnownArgon2idVectorVerifies() {
        // Made with the reference implementation (argon2 CLI: echo -n password | argon2 somesalt -id -t 2 -m 16 -p 1 -e).
        String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
        assertThat(passwords.matches("password", reference)).isTrue();
        assertThat(passwords.matches("passwore", reference)).isFalse();
    }

    @Test
    void malformedOrHostileHashesMatchNothing() {
        assertThat(passwords.matches("x", null)).isFalse();
        assertThat(passwords.matches("x", "")).isFalse();
        assertThat(passwords.matches("x", "$2a$10$abcdefghijklmnopqrstuv")).as("bcrypt is not read").isFalse();
        assertThat(passwords.matches("x", "$argon2i$v=19$m=16,t=2,p=1$c29tZXNhbHQ$abc")).as("argon2i").isFalse();
        assertThat(passwords.matches("x", "$argon2id$v=19$m=99999999,t=2,p=1$c29tZXNhbHQ$abc")).isFalse();
        assertThat(passwords.matches("x".repeat(Passwords.MAX_LENGTH + 1), passwords.hash("y".repeat(12)))).isFalse();
    }

    @Test
    void weakPasswordsAreNamedAndGeneratedOnesAreStrong() {
        assertThat(Passwords.weakness("")).isNotNull();
        assertThat(Passwords.weakness("short")).contains("at least");
        assertThat(Passwords.weakness("x".repeat(Passwords.MAX_LENGTH + 1))).contains("at most");
        assertThat(Passwords.weakness("दस अक्षर वाला पासवर्ड")).isNull();
        String g = passwords.generate();
        assertThat(g).hasSize(20).matches("[a-km-zA-HJ-NP-Z2-9]+");
        assertThat(Passwords.weakness(g)).isNull();
        assertThat(passwords.generate()).isNotEqualTo(g);
    }
}
