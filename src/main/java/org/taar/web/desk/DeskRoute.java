package org.taar.web.desk;

import java.util.regex.Pattern;
import org.taar.desk.Role;

/**
 * One desk path: the method it answers, the role needed (null: open to anyone, the sign-in page),
 * and its handler. Paths are whole-string patterns; numbered groups are the handler's to read.
 */
public record DeskRoute(String method, Pattern path, Role needed, Handler handler) {
    @FunctionalInterface
    public interface Handler {
        DeskAnswer handle(DeskRequest request) throws Exception;
    }

    public static DeskRoute get(String path, Role needed, Handler handler) {
        return new DeskRoute("GET", Pattern.compile(path), needed, handler);
    }

    public static DeskRoute post(String path, Role needed, Handler handler) {
        return new DeskRoute("POST", Pattern.compile(path), needed, handler);
    }
}
