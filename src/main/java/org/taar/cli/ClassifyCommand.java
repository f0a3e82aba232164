package org.taar.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.taar.enrich.Example;
import org.taar.enrich.ExamplesCsv;
import org.taar.enrich.Prediction;
import org.taar.enrich.SectionModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code taar classify}: trains the section model (--train), or labels stdin lines with it; needs no store. */
@Command(name = "classify", description = "train the section model from CSV (--train), or classify stdin lines: label<TAB>confidence",
        footer = "--db is accepted, like every command's, and ignored: the model is a file in the data directory.")
public final class ClassifyCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Option(names = "--train", paramLabel = "CSV", description = "CSV with a header text,label (or labels)") Path train;

    private final Wiring wiring;

    public ClassifyCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() throws IOException {
        common.quietLogs(true);
        Path modelFile = wiring.sectionModelFile(common.load());
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
        if (train != null) return train(modelFile, out);
        if (!Files.exists(modelFile)) {
            System.err.println("taar: no section model at " + modelFile + "; train one with taar classify --train CSV");
            return Exit.UNAVAILABLE;
        }
        SectionModel model = SectionModel.load(modelFile);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            Prediction p = model.predict(line);
            out.printf(Locale.ROOT, "%s\t%.4f%n", p.label(), p.confidence());
        }
        out.flush();
        return Exit.OK;
    }

    private int train(Path modelFile, PrintWriter out) throws IOException {
        List<Example> examples;
        try (Reader r = Files.newBufferedReader(train, StandardCharsets.UTF_8)) {
            examples = ExamplesCsv.read(r);
        } catch (IllegalArgumentException | CharacterCodingException e) {
            System.err.println("taar: " + train + ": " + Exit.message(e));
            return Exit.DATAERR;
        } catch (IOException e) {
            System.err.println("taar: cannot read " + train + ": " + Exit.message(e));
            return Exit.DATAERR;
        }
        if (examples.isEmpty()) {
            System.err.println("taar: " + train + ": no examples");
            return Exit.DATAERR;
        }
        SectionModel model = SectionModel.train(examples);
        model.save(modelFile);
        long right = examples.stream().filter(e -> model.predict(e.text()).label().equals(e.label())).count();
        out.printf(Locale.ROOT, "trained on %d examples, %d labels; training accuracy %.4f; model: %s%n",
                examples.size(), model.labels().size(), (double) right / examples.size(), modelFile);
        out.flush();
        return Exit.OK;
    }
}
