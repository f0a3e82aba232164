package org.taar;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house is one-way: every package imports only packages below it (docs/design-notes.md,
 * "Layering"), and no two packages import each other, directly or round a loop. Read from the
 * compiled classes, so a dependency through a signature, a field or a lambda counts as much as an
 * import line does.
 */
class LayeringTest {
    /** From the ground up. The root package (Taar's main, App's wiring) stands on all of them. */
    static final List<String> FLOORS = List.of(
            "item", "story", "text", "config", "store", "format", "normalize", "enrich", "dedupe", "kill",
            "rules", "intake", "media", "pipeline", "search", "site", "desk", "web", "cli", "");

    private static JavaClasses classes;

    @BeforeAll
    static void read() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.taar");
    }

    @Test
    void everyPackageHasAFloor() {
        Set<String> unplaced = new TreeSet<>();
        for (JavaClass c : classes) {
            if (!FLOORS.contains(floorName(c.getPackageName()))) unplaced.add(c.getPackageName());
        }
        assertThat(unplaced).as("packages missing from LayeringTest.FLOORS and the design notes").isEmpty();
        assertThat(classes).as("classes read").hasSizeGreaterThan(100);
    }

    @Test
    void noPackageImportsAPackageAboveIt() {
        ArchRule rule = ArchRuleDefinition.classes().that().resideInAPackage("org.taar..")
                .should(new ArchCondition<JavaClass>("depend only on packages on their floor or below") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        int own = floor(origin.getPackageName());
                        for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                            String target = d.getTargetClass().getPackageName();
                            if (!target.startsWith("org.taar")) continue;
                            if (floor(target) > own) {
                                events.add(SimpleConditionEvent.violated(d, floorName(origin.getPackageName())
                                        + " -> " + floorName(target) + ": " + d.getDescription()));
                            }
                        }
                    }
                });
        rule.check(classes);
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("org.taar.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void mainCodeNamesOtherPackagesByImportNotByFullName() throws IOException {
        Pattern qualified = Pattern.compile("\\borg\\.taar\\.[a-z.]*[A-Z]");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.startsWith("import ") || line.startsWith("package ")) continue;
                    if (qualified.matcher(line).find()) found.add(f + ":" + (i + 1) + ": " + line);
                }
            }
        }
        assertThat(found).isEmpty();
    }

    /**
     * A class with one job fits in 400 lines. Parsers of formats whose specifications are long
     * (ANPA 1312's and IPTC 7901's header and advisory conventions) may need more.
     */
    @Test
    void noMainClassOverFourHundredLines() throws IOException {
        Set<String> parsersMayExceed = Set.of("Anpa1312Parser.java", "Iptc7901Parser.java", "NewsmlG2Parser.java");
        List<String> long_ = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                long n = Files.lines(f).count();
                if (n > 400 && !parsersMayExceed.contains(f.getFileName().toString())) long_.add(f + " " + n);
            }
        }
        assertThat(long_).isEmpty();
    }

    static String floorName(String pkg) {
        if (pkg.equals("org.taar")) return "";
        String rest = pkg.substring("org.taar.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    static int floor(String pkg) {
        int i = FLOORS.indexOf(floorName(pkg));
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
