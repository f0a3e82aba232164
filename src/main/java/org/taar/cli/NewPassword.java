package org.taar.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.taar.desk.Accounts;

/**
 * A new desk password as `taar user add` and `taar user password` take it: one line from stdin, or,
 * when stdin is a terminal or empty, a generated one that is printed once.
 */
final class NewPassword {
    /** The password, and whether it was generated (and so must be shown). */
    record Chosen(String password, boolean generated) {}

    private NewPassword() {}

    static Chosen read(Accounts accounts) {
        if (System.console() == null) {
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                // Only the line break is the terminal's: spaces inside or around a password are the password's.
                if (line != null && !line.isEmpty()) return new Chosen(line, false);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the password from stdin: " + e.getMessage(), e);
            }
        }
        return new Chosen(accounts.generatePassword(), true);
    }
}
