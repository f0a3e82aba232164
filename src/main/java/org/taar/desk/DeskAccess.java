package org.taar.desk;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taar.store.DeskSessions;
import org.taar.store.DeskUsers;
import org.taar.store.LoginFailures;
import org.taar.text.Digest;

/**
 * Signing in and out of the desk, and knowing who a request comes from.
 *
 * <p>Failed sign-ins slow further tries, counted per account and per address in the store: the
 * first {@link #FREE_TRIES} are free, then each try waits twice as long as the one before, up to
 * {@link #ACCOUNT_WAIT_MAX} for an account (so a flood aimed at a real user's name keeps them out
 * for seconds, not hours) and {@link #ADDRESS_WAIT_MAX} for an address. A slowed try checks no
 * password, so a flood costs the server no Argon2 work.
 *
 * <p>A session is a random 256-bit token in a cookie; the store keeps its SHA-256. Signing in
 * always starts a new session (the old cookie's session ends), so a token planted before sign-in
 * is worth nothing after it.
 */
public final class DeskAccess {
    private static final Logger log = LoggerFactory.getLogger(DeskAccess.class);
    static final int FREE_TRIES = 5;
    static final Duration ACCOUNT_WAIT_MAX = Duration.ofSeconds(30);
    static final Duration ADDRESS_WAIT_MAX = Duration.ofMinutes(5);
    /** Failures older than this are forgotten. */
    static final Duration FAILURES_KEPT = Duration.ofMinutes(15);
    /** A session's last use is written at most this often, so reading pages does not write on every request. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    public static final int MAX_NAME = 64;
    static final Duration SWEEP_EVERY = Duration.ofMinutes(1);
    /** A session unused this long ends: a shift's break, not a night. */
    public static final Duration IDLE = Duration.ofHours(2);
    /** Every session ends this long after sign-in, however busy: about one long shift. */
    public static final Duration ABSOLUTE = Duration.ofHours(12);

    private final DeskUsers users;
    private final DeskSessions sessions;
    private final LoginFailures failures;
    private final Passwords passwords;
    private final Clock clock;
    private final Duration idle;
    private final Duration absolute;
    private final SecureRandom random = new SecureRandom();
    private volatile long lastSweep;
    /** Checked when no such user exists, so that a wrong name costs as long as a wrong password. */
    private final String decoy;

    public DeskAccess(DeskUsers users, DeskSessions sessions, LoginFailures failures, Passwords passwords, Clock clock,
                      Duration idle, Duration absolute) {
        this.users = users;
        this.sessions = sessions;
        this.failures = failures;
        this.passwords = passwords;
        this.clock = clock;
        this.idle = idle;
        this.absolute = absolute;
        this.decoy = passwords.hash("decoy password never used");
    }

    /** What came of a sign-in: a new session's token, a refusal, or a wait. */
    public record SignIn(Outcome outcome, String token, DeskSession session, long retryAfterSeconds) {
        public enum Outcome { SIGNED_IN, REFUSED, SLOWED }
    }

    public SignIn signIn(String name, String password, String address, String oldToken) {
        long now = clock.millis();
        sweep(now);
        String account = "account:" + (name == null ? "" : name.strip());
        String from = "address:" + address;
        long wait = Math.max(wait(account, ACCOUNT_WAIT_MAX, now), wait(from, ADDRESS_WAIT_MAX, now));
        if (wait > 0) {
            log.warn("desk sign-in slowed user={} address={} wait={}s", loggable(name), address, wait);
            return new SignIn(SignIn.Outcome.SLOWED, null, null, wait);
        }
        Optional<DeskUsers.User> user = name == null || name.isBlank() || name.length() > MAX_NAME
                ? Optional.empty() : users.find(name.strip());
        boolean ok = passwords.matches(password, user.map(DeskUsers.User::passwordHash).orElse(decoy))
                && user.isPresent() && !user.get().disabled();
        if (!ok) {
            long forget = now - FAILURES_KEPT.toMillis();
            failures.fail(account, now, forget);
            failures.fail(from, now, forget);
            log.warn("desk sign-in refused user={} address={}", loggable(name), address);
            return new SignIn(SignIn.Outcome.REFUSED, null, null, 0);
        }
        failures.clear(account);
        if (oldToken != null) sessions.end(hash(oldToken));
        String token = token();
        String csrf = token();
        DeskUsers.User u = user.get();
        sessions.start(hash(token), u.id(), csrf, now);
        log.info("desk sign-in user={} role={} address={}", u.name(), u.role(), address);
        return new SignIn(SignIn.Outcome.SIGNED_IN, token,
                new DeskSession(hash(token), u.id(), u.name(), Role.of(u.role()).orElse(Role.VIEWER), csrf), 0);
    }

    /** The live session a cookie names, if it has neither idled out nor outlived its absolute limit. */
    public Optional<DeskSession> session(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) return Optional.empty();
        String hash = hash(token);
        Optional<DeskSessions.Session> found = sessions.find(hash);
        if (found.isEmpty()) return Optional.empty();
        DeskSessions.Session s = found.get();
        long now = clock.millis();
        if (s.user().disabled() || now - s.lastSeenAt() > idle.toMillis() || now - s.createdAt() > absolute.toMillis()) {
            sessions.end(hash);
            return Optional.empty();
        }
        Optional<Role> role = Role.of(s.user().role());
        if (role.isEmpty()) return Optional.empty();
        if (now - s.lastSeenAt() > TOUCH_EVERY.toMillis()) sessions.touch(hash, now);
        return Optional.of(new DeskSession(hash, s.user().id(), s.user().name(), role.get(), s.csrf()));
    }

    public void signOut(DeskSession session) {
        sessions.end(session.tokenHash());
        log.info("desk sign-out user={}", session.name());
    }

    /**
     * Ends sessions past their time and forgets old failures, at most once a minute, from the
     * sign-in path: the tables hold only what still matters, with no timer thread of their own.
     */
    private void sweep(long now) {
        if (now - lastSweep < SWEEP_EVERY.toMillis()) return;
        lastSweep = now;
        int ended = sessions.endExpired(now - idle.toMillis(), now - absolute.toMillis());
        int forgotten = failures.forgetBefore(now - FAILURES_KEPT.toMillis());
        if (ended + forgotten > 0) log.debug("desk sweep: {} sessions ended, {} failure counts forgotten", ended, forgotten);
    }

    /** True when the form's token is the session's (compared in constant time). */
    public static boolean csrfMatches(DeskSession session, String presented) {
        if (presented == null) return false;
        return MessageDigest.isEqual(session.csrf().getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    /** A fresh random token (256 bits, URL-safe). */
    public String token() {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    public Duration idle() {
        return idle;
    }

    private long wait(String subject, Duration max, long now) {
        Optional<LoginFailures.Count> c = failures.of(subject);
        if (c.isEmpty() || c.get().failures() < FREE_TRIES) return 0;
        if (now - c.get().lastAt() > FAILURES_KEPT.toMillis()) return 0;
        int over = Math.min(c.get().failures() - FREE_TRIES, 20);
        long waitMs = Math.min(max.toMillis(), 1000L << over);
        long left = c.get().lastAt() + waitMs - now;
        return left > 0 ? (left + 999) / 1000 : 0;
    }

    /** A typed name as a log may show it: no line breaks or control characters (log forging), and short. */
    static String loggable(String name) {
        if (name == null) return "";
        String s = name.replaceAll("\\p{Cntrl}", "?");
        return s.length() > MAX_NAME ? s.substring(0, MAX_NAME) + "…" : s;
    }

    static String hash(String token) {
        return Digest.sha256Hex(token);
    }
}
