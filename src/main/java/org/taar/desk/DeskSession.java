package org.taar.desk;

/** A signed-in person at the desk: who, with which role, and the CSRF token their forms must carry. */
public record DeskSession(String tokenHash, long userId, String name, Role role, String csrf) {
    public boolean mayDo(Role needed) {
        return role.mayDo(needed);
    }
}
