package org.taar.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * Builds the command objects for picocli: a command whose constructor takes the {@link Wiring}
 * gets it; anything else (mixins, command groups) is built as picocli would.
 */
public final class Commands implements CommandLine.IFactory {
    private final Wiring wiring;

    public Commands(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        Constructor<K> wired;
        try {
            wired = cls.getDeclaredConstructor(Wiring.class);
        } catch (NoSuchMethodException e) {
            return CommandLine.defaultFactory().create(cls);
        }
        return wired.newInstance(wiring);
    }
}
