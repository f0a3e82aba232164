package org.taar;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import org.taar.config.Config;
import org.taar.config.ConfigException;
import org.taar.config.ConfigLoader;
import org.taar.text.Secrets;
import org.taar.format.Formats;
import org.taar.item.NewsItem;
import org.taar.format.NinjsWriter;
import org.taar.format.ParseContext;
import org.taar.format.ParseException;
import org.taar.format.ParseResult;
import org.taar.story.Outcome;
import org.taar.store.StoreUnavailableException;
import org.taar.text.Normalizer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import org.taar.enrich.Example;
import org.taar.enrich.ExamplesCsv;
import org.taar.enrich.Prediction;
import org.taar.enrich.SectionModel;
import org.taar.rules.Rules;
import org.taar.store.PushKeys;
import org.taar.store.RuleStore;
import org.taar.text.legacy.LegacyFont;

/** The command line. Exit codes follow sysexits: 64 usage, 65 bad data, 69 unavailable, 70 internal. */
@Command(name = "taar", mixinStandardHelpOptions = true, version = "taar 0.1.0",
        description = "Wire-to-web news publisher.",
        subcommands = {Taar.Serve.class, Taar.Parse.class, Taar.Ingest.class, Taar.ConvertFont.class,
                Taar.Classify.class, Taar.Key.class, Taar.Rule.class, Taar.Reindex.class})
public final class Taar implements Runnable {
    static final int EX_OK = 0, EX_USAGE = 64, EX_DATAERR = 65, EX_UNAVAILABLE = 69, EX_SOFTWARE = 70;
    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code; tests call this instead of main. */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Taar());
        cl.setExitCodeExceptionMapper(Taar::exitCode);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            boolean debug = List.of(args).contains("--debug");
            line.getErr().println("taar: " + message(e));
            if (debug) {
                // Exception messages may quote a JDBC or feed URL; its credentials stay masked here too.
                java.io.StringWriter trace = new java.io.StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                line.getErr().print(Secrets.redact(trace.toString()));
                line.getErr().flush();
            }
            return exitCode(e);
        });
        return cl.execute(args);
    }

    private static int exitCode(Throwable e) {
        if (e instanceof CommandLine.ParameterException || e instanceof ConfigException
                || e instanceof IllegalArgumentException) return EX_USAGE;
        if (e instanceof StoreUnavailableException) return EX_UNAVAILABLE;
        return EX_SOFTWARE;
    }

    private static String message(Throwable e) {
        return e.getMessage() != null ? Secrets.redact(e.getMessage()) : e.getClass().getSimpleName();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options every command shares. */
    static final class Common {
        @Option(names = "--data", description = "data directory (default ./taar-data or TAAR_DATA)")
        Path data;
        @Option(names = "--db", description = "PostgreSQL JDBC URL instead of the embedded store (or TAAR_DB)")
        String db;
        @Option(names = "--config", description = "taar.yml to read (default DATA/taar.yml, then ./taar.yml)")
        Path config;
        @Option(names = "--debug", description = "verbose logs and stack traces")
        boolean debug;

        Config load() {
            return load(null);
        }

        Config load(Integer port) {
            return new ConfigLoader(System.getenv()).load(data, config, db, port);
        }

        /** Commands that print JSON keep stderr for problems only unless --debug. */
        void quietLogs(boolean quiet) {
            Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            root.setLevel(debug ? Level.DEBUG : quiet ? Level.WARN : Level.INFO);
            // Third-party libraries chatter at INFO; their warnings still show.
            for (String noisy : List.of("org.eclipse.jetty", "com.zaxxer.hikari", "org.flywaydb")) {
                ((Logger) LoggerFactory.getLogger(noisy)).setLevel(debug ? Level.DEBUG : Level.WARN);
            }
        }
    }

    @Command(name = "serve", description = "public site, API, drop folder and workers on one port")
    static final class Serve implements Callable<Integer> {
        @Mixin Common common;
        @Option(names = "--port", description = "port (default 8080 or TAAR_PORT)") Integer port;
        @Option(names = "--host", defaultValue = "127.0.0.1",
                description = "address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 behind a load balancer)") String host;
        @Option(names = "--demo", description = "load built-in sample stories on first start") boolean demo;

        @Override
        public Integer call() throws Exception {
            common.quietLogs(false);
            Config config = common.load(port);
            App app = new App(config, Clock.systemUTC());
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.close();
                stopped.countDown();
            }, "shutdown"));
            int bound = app.serve(host, config.port(), demo);
            System.out.println("Taar is serving http://" + host + ":" + bound + "/  (data: " + config.dataDir()
                    + ", store: " + app.store.dialect().name().toLowerCase() + ")");
            stopped.await();
            return EX_OK;
        }
    }

    @Command(name = "parse", description = "parse files and print ninjs 2.1 items as JSON Lines")
    static final class Parse implements Callable<Integer> {
        @Mixin Common common;
        @Option(names = "--format", description = "skip detection: rss, atom, jsonfeed, newsmlg2, newsml, nitf, iptc7901, anpa1312, ninjs, wiretext") String format;
        @Option(names = "--source", defaultValue = "local", description = "source name for derived uris") String source;
        @Parameters(arity = "1..*", paramLabel = "FILE") List<Path> files;

        @Override
        public Integer call() {
            common.quietLogs(true);
            Config config = common.load();
            Clock clock = Clock.systemUTC();
            Formats formats = App.formats(config);
            Normalizer normalizer = App.normalizer(config, clock);
            NinjsWriter ninjs = new NinjsWriter();
            PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            int exit = EX_OK;
            for (Path file : files) {
                ObjectNode line = JSON.createObjectNode();
                line.put("file", file.toString());
                ArrayNode items = JSON.createArrayNode();
                ArrayNode warnings = JSON.createArrayNode();
                String error = null;
                String format = null;
                try {
                    ParseResult r = formats.parse(Files.readAllBytes(file), this.format,
                            new ParseContext(source, clock.instant()));
                    format = r.format();
                    r.warnings().forEach(warnings::add);
                    int n = 0;
                    for (NewsItem raw : r.items()) {
                        n++;
                        NewsItem item = normalizer.normalize(raw);
                        items.add(ninjs.toNinjs(item));
                        for (String w : item.warnings()) warnings.add("item " + n + ": " + w);
                    }
                } catch (ParseException | IOException e) {
                    error = e instanceof IOException ? "cannot read file: " + e.getMessage() : e.getMessage();
                    exit = EX_DATAERR;
                }
                line.put("format", format);
                line.set("items", items);
                line.set("warnings", warnings);
                line.put("error", error);
                out.println(line);
            }
            return exit;
        }
    }

    @Command(name = "convert-font", description = "legacy Hindi font text (stdin) to Unicode NFC (stdout), line by line")
    static final class ConvertFont implements Callable<Integer> {
        @Option(names = "--from", required = true, description = "krutidev, walkman or chanakya") String from;

        @Override
        public Integer call() throws IOException {
            var font = LegacyFont.byName(from);
            if (font.isEmpty()) {
                System.err.println("taar: --from must be krutidev, walkman or chanakya, not " + from);
                return EX_USAGE;
            }
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8));
            PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) out.print(font.get().converter().toUnicode(line) + "\n");
            out.flush();
            return EX_OK;
        }
    }

    @Command(name = "ingest", description = "run the whole pipeline on files, as if from a drop folder")
    static final class Ingest implements Callable<Integer> {
        @Mixin Common common;
        @Option(names = "--source", defaultValue = "local", description = "source name (default ${DEFAULT-VALUE})") String source;
        @Option(names = "--format", description = "skip detection: rss, atom, jsonfeed, newsmlg2, newsml, nitf, iptc7901, anpa1312, ninjs, wiretext") String format;
        @Parameters(arity = "1..*", paramLabel = "FILE") List<Path> files;

        @Override
        public Integer call() {
            common.quietLogs(true);
            PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            int exit = EX_OK;
            try (App app = new App(common.load(), Clock.systemUTC())) {
                for (Path file : files) {
                    List<Outcome> outcomes;
                    try {
                        byte[] content = Files.readAllBytes(file);
                        outcomes = app.pipeline.deliver(source, "file", file.toString(), content, format).outcomes();
                    } catch (IOException e) {
                        outcomes = List.of(Outcome.rejected(file.toString(), "cannot read file: " + e.getMessage()));
                    }
                    for (Outcome o : outcomes) {
                        ObjectNode line = JSON.createObjectNode();
                        line.put("file", file.toString());
                        line.put("uri", o.uri());
                        line.put("version", o.version() == null ? null : String.valueOf(o.version()));
                        line.put("status", o.status().label());
                        line.put("url", o.url());
                        line.put("reason", o.reason());
                        out.println(line);
                        if (o.isRejected()) exit = EX_DATAERR;
                    }
                }
            }
            return exit;
        }
    }

    @Command(name = "reindex", description = "rebuild the search index from the store")
    static final class Reindex implements Callable<Integer> {
        @Mixin Common common;

        @Override
        public Integer call() {
            common.quietLogs(true);
            try (App app = new App(common.load(), Clock.systemUTC())) {
                int n;
                try {
                    n = app.indexer().rebuild();
                } catch (RuntimeException e) {
                    if (e.getCause() instanceof org.apache.lucene.store.LockObtainFailedException) {
                        throw new IllegalStateException("the search index is in use by a running server; stop it first");
                    }
                    throw e;
                }
                System.out.println("reindexed " + n + " stories");
            }
            return EX_OK;
        }
    }

    @Command(name = "key", description = "push and editor keys", subcommands = {Key.Add.class, Key.List.class, Key.Revoke.class})
    static final class Key implements Runnable {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: add, list or revoke");
        }

        @Command(name = "add", description = "create a push key for SOURCE (or, with --editor, an editor's key for NAME); prints the key once")
        static final class Add implements Callable<Integer> {
            @Mixin Common common;
            @Parameters(paramLabel = "SOURCE") String source;
            @Option(names = "--editor", description = "a key for the editor API (publish, hold, kill); it cannot push")
            boolean editor;

            @Override
            public Integer call() {
                common.quietLogs(true);
                if (!source.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
                    throw new IllegalArgumentException("source names are letters, digits, '.', '_' and '-': " + source);
                }
                try (App app = new App(common.load(), Clock.systemUTC())) {
                    System.out.println(app.pushKeys.create(source,
                            editor ? PushKeys.Role.EDITOR : PushKeys.Role.PUSH));
                }
                return EX_OK;
            }
        }

        @Command(name = "list", description = "print every key as a JSON line: id, name, role (source or editor), created, last_used; never the key")
        static final class List implements Callable<Integer> {
            @Mixin Common common;

            @Override
            public Integer call() {
                common.quietLogs(true);
                try (App app = new App(common.load(), Clock.systemUTC())) {
                    for (var k : app.pushKeys.list()) {
                        System.out.println(JSON.createObjectNode().put("id", k.id()).put("name", k.name())
                                .put("role", k.role() == PushKeys.Role.PUSH ? "source" : "editor")
                                .put("created", k.created().toString())
                                .put("last_used", k.lastUsed() == null ? null : k.lastUsed().toString()));
                    }
                }
                return EX_OK;
            }
        }

        @Command(name = "revoke", description = "revoke every key of SOURCE (with --editor, of the editor NAME), or the key --id N "
                + "that key list shows; refused at once by every node. Exit 65 when there is no such key")
        static final class Revoke implements Callable<Integer> {
            @Mixin Common common;
            @Parameters(paramLabel = "NAME", arity = "0..1") String name;
            @Option(names = "--editor", description = "revoke NAME's editor keys rather than a source's push keys") boolean editor;
            @Option(names = "--id", paramLabel = "N", description = "revoke the one key with this id") Long id;

            @Override
            public Integer call() {
                common.quietLogs(true);
                if ((name == null) == (id == null)) throw new IllegalArgumentException("give either NAME or --id N");
                try (App app = new App(common.load(), Clock.systemUTC())) {
                    if (id != null) {
                        if (!app.pushKeys.revoke(id)) return noSuchKey("no key with id " + id);
                        System.out.println("revoked key " + id);
                        return EX_OK;
                    }
                    var role = editor ? PushKeys.Role.EDITOR : PushKeys.Role.PUSH;
                    int n = app.pushKeys.revoke(name, role);
                    if (n == 0) return noSuchKey("no " + (editor ? "editor" : "push") + " key for " + name);
                    System.out.println("revoked " + n + (n == 1 ? " key" : " keys") + " of " + name);
                    return EX_OK;
                }
            }

            private static int noSuchKey(String why) {
                System.err.println("taar: " + why);
                return EX_DATAERR;
            }
        }
    }

    @Command(name = "rule", description = "routing rules kept in the store (after taar.yml's rules)",
            subcommands = {Rule.Add.class, Rule.List.class, Rule.Remove.class})
    static final class Rule implements Runnable {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: add, list or remove");
        }

        @Command(name = "add", description = "add a rule after the stored ones; JSON in the shape of a taar.yml rule, e.g. "
                + "'{\"match\": {\"source\": \"afp\"}, \"action\": \"hold\"}'")
        static final class Add implements Callable<Integer> {
            @Mixin Common common;
            @Parameters(index = "0", paramLabel = "NAME") String name;
            @Parameters(index = "1", paramLabel = "JSON") String json;

            @Override
            public Integer call() {
                common.quietLogs(true);
                Config config = common.load();
                java.util.Set<String> slugs = new java.util.LinkedHashSet<>();
                config.site().sections().forEach(sec -> slugs.add(sec.slug()));
                Rules.parseStored(name, json, slugs);
                if (config.routing().rules().stream().anyMatch(r -> r.name().equals(name))) {
                    throw new IllegalArgumentException("taar.yml already has a rule named " + name);
                }
                try (App app = new App(config, Clock.systemUTC())) {
                    if (!new RuleStore(app.store, app.clock).add(name, json.strip())) {
                        throw new IllegalArgumentException("a stored rule is already named " + name);
                    }
                }
                System.out.println("rule " + name + " added");
                return EX_OK;
            }
        }

        @Command(name = "list", description = "print the stored rules in order, one JSON line each")
        static final class List implements Callable<Integer> {
            @Mixin Common common;

            @Override
            public Integer call() throws Exception {
                common.quietLogs(true);
                try (App app = new App(common.load(), Clock.systemUTC())) {
                    for (var row : new RuleStore(app.store, app.clock).all()) {
                        System.out.println(JSON.createObjectNode().put("name", row.name())
                                .set("rule", JSON.readTree(row.definition())));
                    }
                }
                return EX_OK;
            }
        }

        @Command(name = "remove", description = "remove a stored rule")
        static final class Remove implements Callable<Integer> {
            @Mixin Common common;
            @Parameters(paramLabel = "NAME") String name;

            @Override
            public Integer call() {
                common.quietLogs(true);
                try (App app = new App(common.load(), Clock.systemUTC())) {
                    if (!new RuleStore(app.store, app.clock).remove(name)) {
                        throw new IllegalArgumentException("no stored rule named " + name);
                    }
                }
                return EX_OK;
            }
        }
    }

    @Command(name = "classify", description = "train the section model from CSV (--train), or classify stdin lines: label<TAB>confidence")
    static final class Classify implements Callable<Integer> {
        @Mixin Common common;
        @Option(names = "--train", paramLabel = "CSV", description = "CSV with a header text,label (or labels)") Path train;

        @Override
        public Integer call() throws IOException {
            common.quietLogs(true);
            Path modelFile = App.sectionModelFile(common.load());
            PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
            if (train != null) {
                List<Example> examples;
                try (java.io.Reader r = Files.newBufferedReader(train, StandardCharsets.UTF_8)) {
                    examples = ExamplesCsv.read(r);
                } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
                    System.err.println("taar: " + train + ": " + message(e));
                    return EX_DATAERR;
                } catch (IOException e) {
                    System.err.println("taar: cannot read " + train + ": " + message(e));
                    return EX_DATAERR;
                }
                if (examples.isEmpty()) {
                    System.err.println("taar: " + train + ": no examples");
                    return EX_DATAERR;
                }
                SectionModel model = SectionModel.train(examples);
                model.save(modelFile);
                long right = examples.stream().filter(e -> model.predict(e.text()).label().equals(e.label())).count();
                out.printf(java.util.Locale.ROOT, "trained on %d examples, %d labels; training accuracy %.4f; model: %s%n",
                        examples.size(), model.labels().size(), (double) right / examples.size(), modelFile);
                out.flush();
                return EX_OK;
            }
            if (!Files.exists(modelFile)) {
                System.err.println("taar: no section model at " + modelFile + "; train one with taar classify --train CSV");
                return EX_UNAVAILABLE;
            }
            SectionModel model = SectionModel.load(modelFile);
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                Prediction p = model.predict(line);
                out.printf(java.util.Locale.ROOT, "%s\t%.4f%n", p.label(), p.confidence());
            }
            out.flush();
            return EX_OK;
        }
    }
}
