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
 * Tagwire is.
 *
 * <pre>
 * taskset -c 1 java -cp tests/perf/target/benchmarks.jar io.tagwire.perf.CodecReport [JMH options]
 * </pre>
 *
 * JMH options such as {@code -f 1 -wi 1 -i 2} override the benchmarks' defaults; a
 * benchmark regex narrows the run to the benchmarks it matches.
 */
public final class CodecReport {
    /** The benchmarks in the order of the table; each has a {@code tagwire} and a {@code quickfixj} method. */
    private static final List<Class<?>> BENCHMARKS = List.of(
        NewOrderSingleParseBenchmark.class,
        ExecutionReportParseBenchmark.class,
        NewOrderSingleEncodeBenchmark.class,
        ExecutionReportEncodeBenchmark.class,
        NewOrderSingleValidateBenchmark.class);

    static final String TAGWIRE = "tagwire";
    static final String QUICKFIXJ = "quickfixj";
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
        options.mode(Mode.AverageTime).timeUnit(TimeUnit.NANOSECONDS).addProfiler(GCProfiler.class);
        Collection<RunResult> results = new Runner(options.build()).run();

        System.out.println();
        System.out.println("Codec benchmarks, " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors()
            + " CPU(s) available");
        System.out.print(format(rows(results)));
    }

    /** One benchmark class: the score and allocation of each variant, NaN where it did not run. */
    record Row(String benchmark, double tagwireNs, double tagwireBytes, double quickFixJNs, double quickFixJBytes) {
    }

    static List<Row> rows(Collection<RunResult> results) {
        List<Row> rows = new ArrayList<>();
        for (Class<?> benchmark : BENCHMARKS) {
            String prefix = benchmark.getName() + ".";
            double[] tagwire = {Double.NaN, Double.NaN};
            double[] quickFixJ = {Double.NaN, Double.NaN};
            boolean found = false;
            for (RunResult result : results) {
                String name = result.getParams().getBenchmark();
                if (!name.startsWith(prefix)) {
                    continue;
                }
                double[] into = name.endsWith("." + TAGWIRE) ? tagwire : name.endsWith("." + QUICKFIXJ) ? quickFixJ : null;
                if (into != null) {
                    found = true;
                    into[0] = result.getPrimaryResult().getScore();
                    Result<?> allocation = result.getSecondaryResults().get(ALLOCATION);
                    into[1] = allocation == null ? Double.NaN : allocation.getScore();
                }
            }
            if (found) {
                rows.add(new Row(displayName(benchmark), tagwire[0], tagwire[1], quickFixJ[0], quickFixJ[1]));
            }
        }
        return rows;
    }

    private static String displayName(Class<?> benchmark) {
        String name = benchmark.getSimpleName();
        return name.endsWith("Benchmark") ? name.substring(0, name.length() - "Benchmark".length()) : name;
    }

    /** The table, one line per row, columns aligned. */
    static String format(List<Row> rows) {
        String[] header = {"benchmark", "Tagwire ns/op", "Tagwire B/op", "QFJ ns/op", "QFJ B/op", "QFJ/Tagwire"};
        List<String[]> lines = new ArrayList<>();
        lines.add(header);
        for (Row row : rows) {
            lines.add(new String[] {
                row.benchmark(),
                number(row.tagwireNs(), 1),
                number(row.tagwireBytes(), 0),
                number(row.quickFixJNs(), 1),
                number(row.quickFixJBytes(), 0),
                Double.isNaN(row.tagwireNs()) || Double.isNaN(row.quickFixJNs())
                    ? "-" : number(row.quickFixJNs() / row.tagwireNs(), 1) + "x",
            });
        }
        int[] widths = new int[header.length];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (int l = 0; l < lines.size(); l++) {
            String[] line = lines.get(l);
            table.append('|');
            for (int i = 0; i < line.length; i++) {
                String cell = line[i];
                String pad = " ".repeat(widths[i] - cell.length());
                // names left, numbers right
                table.append(' ').append(i == 0 ? cell + pad : pad + cell).append(" |");
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

    private static String number(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "-";
        }
        // gc.alloc.rate.norm is an average over many operations: 0.001 B/op means none in steady state
        double shown = decimals == 0 && Math.abs(value) < 0.5 ? 0 : value;
        return String.format(Locale.ROOT, "%,." + decimals + "f", shown);
    }
}
