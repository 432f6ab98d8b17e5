package io.tagwire.perf;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs the codec benchmarks with the GC profiler and prints one line per benchmark:
 * Tagwire and QuickFIX/J time and allocation side by side, and how many times faster
 * Tagwire is. A second table gives CPU time per operation ({@link CpuTimeProfiler}), which
 * a busy machine disturbs much less than wall-clock time.
 *
 * <pre>
 * taskset -c 1 java -cp tests/perf/target/benchmarks.jar io.tagwire.perf.CodecReport [JMH options]
 * </pre>
 *
 * JMH options such as {@code -f 1 -wi 1 -i 2} override the benchmarks' defaults; a
 * benchmark regex narrows the run to the benchmarks it matches.
 */
public final class CodecReport {
    /**
     * The benchmarks in the order of the table; each has a {@code tagwire} and a {@code quickfixj}
     * method, and the parse benchmarks a {@code quickfixjFromString}, shown on a row of its own.
     */
    private static final List<Class<?>> BENCHMARKS = List.of(
        NewOrderSingleParseBenchmark.class,
        ExecutionReportParseBenchmark.class,
        NewOrderSingleEncodeBenchmark.class,
        ExecutionReportEncodeBenchmark.class,
        NewOrderSingleValidateBenchmark.class);

    private static final String TAGWIRE = "tagwire";
    private static final String QUICKFIXJ = "quickfixj";
    /** The parse benchmarks' narrower QuickFIX/J variant: see {@link QuickFixJReceiver#fromString}. */
    private static final String QUICKFIXJ_FROM_STRING = "quickfixjFromString";
    private static final String ALLOCATION = "gc.alloc.rate.norm";

    private CodecReport() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        CommandLineOptions commandLine = new CommandLineOptions(args);
        OptionsBuilder options = new OptionsBuilder();
        options.parent(commandLine);
        if (commandLine.getIncludes().isEmpty()) {
            for (Class<?> benchmark : BENCHMARKS) {
                options.include(benchmark.getName() + "\\.");
            }
        }
        options.mode(Mode.AverageTime).timeUnit(TimeUnit.NANOSECONDS)
            .addProfiler(GCProfiler.class).addProfiler(CpuTimeProfiler.class);
        Collection<RunResult> results = new Runner(options.build()).run();

        List<Row> rows = rows(results);
        System.out.println();
        System.out.println("Codec benchmarks, Java " + Runtime.version() + ", "
            + Runtime.getRuntime().availableProcessors() + " CPU(s) available");
        System.out.print(format(rows));
        System.out.println();
        System.out.println("CPU time per operation (the time the JVM ran, whatever else shared the core)");
        System.out.print(formatCpu(rows));
    }

    /** One variant's scores; NaN where it did not run or was not measured. */
    record Scores(double ns, double nsError, double bytes, double cpuNs) {
        static final Scores NONE = new Scores(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** One benchmark class: its Tagwire and its QuickFIX/J variant. */
    record Row(String benchmark, Scores tagwire, Scores quickFixJ) {
    }

    static List<Row> rows(Collection<RunResult> results) {
        List<Row> rows = new ArrayList<>();
        for (Class<?> benchmark : BENCHMARKS) {
            Scores tagwire = scores(results, benchmark.getName() + "." + TAGWIRE);
            Scores quickFixJ = scores(results, benchmark.getName() + "." + QUICKFIXJ);
            if (tagwire != Scores.NONE || quickFixJ != Scores.NONE) {
                rows.add(new Row(displayName(benchmark), tagwire, quickFixJ));
            }
            Scores fromString = scores(results, benchmark.getName() + "." + QUICKFIXJ_FROM_STRING);
            if (fromString != Scores.NONE) {
                rows.add(new Row(displayName(benchmark) + " (QFJ from a String, no CheckSum)", tagwire, fromString));
            }
        }
        return rows;
    }

    private static Scores scores(Collection<RunResult> results, String benchmarkMethod) {
        for (RunResult result : results) {
            if (result.getParams().getBenchmark().equals(benchmarkMethod)) {
                Result<?> primary = result.getPrimaryResult();
                return new Scores(primary.getScore(), primary.getScoreError(),
                    secondary(result, ALLOCATION), secondary(result, CpuTimeProfiler.LABEL));
            }
        }
        return Scores.NONE;
    }

    private static double secondary(RunResult result, String label) {
        Result<?> secondary = result.getSecondaryResults().get(label);
        return secondary == null ? Double.NaN : secondary.getScore();
    }

    private static String displayName(Class<?> benchmark) {
        String name = benchmark.getSimpleName();
        return name.endsWith("Benchmark") ? name.substring(0, name.length() - "Benchmark".length()) : name;
    }

    /** The main table: wall-clock ns/op with JMH's 99.9% error, B/op, ratio. */
    static String format(List<Row> rows) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"benchmark", "Tagwire ns/op", "Tagwire B/op", "QFJ ns/op", "QFJ B/op", "QFJ/Tagwire"});
        for (Row row : rows) {
            lines.add(new String[] {
                row.benchmark(),
                withError(row.tagwire()),
                bytes(row.tagwire().bytes()),
                withError(row.quickFixJ()),
                bytes(row.quickFixJ().bytes()),
                ratio(row.quickFixJ().ns(), row.tagwire().ns()),
            });
        }
        return table(lines);
    }

    /** The CPU-time table. */
    static String formatCpu(List<Row> rows) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"benchmark", "Tagwire CPU ns/op", "QFJ CPU ns/op", "QFJ/Tagwire"});
        for (Row row : rows) {
            lines.add(new String[] {
                row.benchmark(),
                number(row.tagwire().cpuNs(), 1),
                number(row.quickFixJ().cpuNs(), 1),
                ratio(row.quickFixJ().cpuNs(), row.tagwire().cpuNs()),
            });
        }
        return table(lines);
    }

    private static String withError(Scores scores) {
        String score = number(scores.ns(), 1);
        return Double.isNaN(scores.nsError()) ? score : score + " ± " + number(scores.nsError(), 1);
    }

    private static String bytes(double value) {
        // gc.alloc.rate.norm is averaged over millions of operations: below 0.5 B/op is JMH's bookkeeping, not ours
        return number(Double.isNaN(value) || Math.abs(value) >= 0.5 ? value : 0, 0);
    }

    private static String ratio(double quickFixJ, double tagwire) {
        return Double.isNaN(quickFixJ) || Double.isNaN(tagwire) ? "-" : number(quickFixJ / tagwire, 1) + "x";
    }

    private static String number(double value, int decimals) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    /** Columns aligned: the first left, the others right, a rule under the header. */
    private static String table(List<String[]> lines) {
        int columns = lines.get(0).length;
        int[] widths = new int[columns];
        for (String[] line : lines) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (int l = 0; l < lines.size(); l++) {
            String[] line = lines.get(l);
            table.append('|');
            for (int i = 0; i < columns; i++) {
                String pad = " ".repeat(widths[i] - line[i].length());
                table.append(' ').append(i == 0 ? line[i] + pad : pad + line[i]).append(" |");
            }
            table.append('\n');
            if (l == 0) {
                table.append('|');
                for (int width : widths) {
                    table.append("-".repeat(width + 2)).append('|');
                }
                table.append('\n');
            }
        }
        return table.toString();
    }
}
