package org.taar.desk;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.taar.store.DeskUsers;

/**
 * Desk users as `taar user` and the desk's users page manage them: names checked, passwords
 * checked and hashed. Each method answers null when done or the reason it was refused.
 */
public final class Accounts {
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}\\p{N}][\\p{L}\\p{M}\\p{N}_.@-]{0,63}");

    private final DeskUsers users;
    private final Passwords passwords;

    public Accounts(DeskUsers users, Passwords passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    public String add(String name, String role, String password) {
        String bad = badName(name);
        if (bad != null) return bad;
        Optional<Role> r = Role.of(role);
        if (r.isEmpty()) return "the role must be admin, editor or viewer, not " + role;
        String weak = Passwords.weakness(password);
        if (weak != null) return weak;
        return users.add(name, r.get().label(), passwords.hash(password)) ? null : "a user named " + name + " already exists";
    }

    public String setPassword(String name, String password) {
        String weak = Passwords.weakness(password);
        if (weak != null) return weak;
        return users.setPassword(name, passwords.hash(password)) ? null : "no user named " + name;
    }

    public String setRole(String name, String role) {
        Optional<Role> r = Role.of(role);
        if (r.isEmpty()) return "the role must be admin, editor or viewer, not " + role;
        return users.setRole(name, r.get().label()) ? null : "no user named " + name;
    }

    public String setDisabled(String name, boolean disabled) {
        return users.setDisabled(name, disabled) ? null : "no user named " + name;
    }

    /**
     * A role changed by an admin at the desk: an admin may not demote themself, so a desk is never
     * left without an admin by a slip of the hand.
     */
    public String setRole(String by, String name, String role) {
        if (name != null && name.equals(by) && Role.of(role).orElse(Role.VIEWER) != Role.ADMIN) {
            return "you cannot take the admin role from yourself; another admin can";
        }
        return setRole(name, role);
    }

    /** Disables or enables a user at the desk; an admin may not disable themself. */
    public String setDisabled(String by, String name, boolean disabled) {
        if (disabled && name != null && name.equals(by)) return "you cannot disable yourself; another admin can";
        return setDisabled(name, disabled);
    }

    public List<DeskUsers.User> all() {
        return users.all();
    }

    /** A password for a user created without one. */
    public String generatePassword() {
        return passwords.generate();
    }

    static String badName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return "a user name is 1 to 64 letters, digits, '_', '.', '@' or '-', beginning with a letter or digit";
        }
        return null;
    }
}
