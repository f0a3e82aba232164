package org.taar.desk;

/** What the desk's templates are given. */
public final class DeskViews {
    private DeskViews() {}

    /**
     * What every desk page shows around its content.
     *
     * @param who the signed-in person, or null on the sign-in page
     * @param current the navigation entry to mark ("queue", "advisories", "sources", "rules", "tags", "users")
     * @param held stories held now, shown on every page so that none is missed
     * @param advisories kill advisories waiting for a person
     * @param notice a line saying what the last action did, or null
     * @param error a line saying why the last action was refused, or null
     */
    public record Frame(DeskText t, String title, DeskSession who, String current, long held, long advisories,
                        String notice, String error) {
        public String csrf() {
            return who == null ? null : who.csrf();
        }

        public boolean may(String role) {
            return who != null && who.mayDo(Role.of(role).orElse(Role.ADMIN));
        }
    }

    /** The sign-in form. */
    public record SignIn(Frame frame, String username, String csrf, String next) {}

    /** A short page: a heading and a sentence (refusals, errors). */
    public record Message(Frame frame, String heading, String text) {}
}
