package io.tagwire.conformance;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Finds the suites under a {@code quickfix-acceptance} directory ({@code fix40/} ...
 * {@code fix50/} and {@code variants/<variant>/<version>/}), runs every script of each
 * against a fresh acceptor per suite, prints {@code fix44: 65/65 passed} per suite with each
 * failure and its reason, and returns the results.
 *
 * <p>Suites of different versions may run in parallel ({@code parallelism} &gt; 1); suites
 * that share a version (a variant of fix42 and fix43 and the fix42 suite, say) always run
 * one after another, so two acceptors never offer the same session at once. Scripts within a suite always run one at a time (FORMAT.md §1).
 */
public final class ConformanceSuite {
    private static final String VARIANTS = "variants";
    /** QuickFIX/J never loads scripts under a directory named {@code future} (FORMAT.md §9). */
    private static final String FUTURE = "future";

    private final Supplier<? extends AcceptorUnderTest> acceptors;
    private final RunnerOptions options;
    private final int parallelism;
    private final PrintStream out;
    private final boolean printTranscripts;

    /**
     * @param acceptors makes a new acceptor for each suite
     * @param parallelism how many versions' suites run at once, at least 1
     * @param out where results are printed as suites finish
     * @param printTranscripts whether a failed script's transcript is printed under its reason
     */
    public ConformanceSuite(Supplier<? extends AcceptorUnderTest> acceptors, RunnerOptions options, int parallelism,
            PrintStream out, boolean printTranscripts) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        this.acceptors = acceptors;
        this.options = options;
        this.parallelism = parallelism;
        this.out = out;
        this.printTranscripts = printTranscripts;
    }

    /**
     * The suites under {@code scriptsDir}: the server suite's version directories, then
     * each variant's, versions in FIX order.
     *
     * @throws IllegalArgumentException for a directory that is neither a known version nor
     *     a known variant, so that new scripts are never skipped silently
     */
    public static List<Suite> discover(Path scriptsDir) throws IOException {
        if (!Files.isDirectory(scriptsDir)) {
            throw new IOException("no acceptance scripts directory at " + scriptsDir);
        }
        List<Suite> suites = new ArrayList<>(versionSuites(scriptsDir, Variant.SERVER));
        Path variants = scriptsDir.resolve(VARIANTS);
        if (Files.isDirectory(variants)) {
            for (Path dir : subdirectories(variants)) {
                String name = dir.getFileName().toString();
                Variant variant = Variant.fromDirectory(name).orElseThrow(() -> new IllegalArgumentException(
                        "unknown variant directory " + dir + ": add its acceptor setting to "
                                + Variant.class.getName()));
                suites.addAll(versionSuites(dir, variant));
            }
        }
        return suites;
    }

    private static List<Suite> versionSuites(Path dir, Variant variant) throws IOException {
        Map<FixVersion, Suite> byVersion = new LinkedHashMap<>();
        for (Path versionDir : subdirectories(dir)) {
            String name = versionDir.getFileName().toString();
            if (name.equals(FUTURE) || (variant == Variant.SERVER && name.equals(VARIANTS))) {
                continue;
            }
            FixVersion version = FixVersion.fromDirectory(name).orElseThrow(() -> new IllegalArgumentException(
                    "unknown version directory " + versionDir + ": expected one of fix40 ... fix50"));
            byVersion.put(version, new Suite(new SuiteSettings(variant, List.of(version)), scripts(versionDir)));
        }
        List<Suite> suites = new ArrayList<>();
        for (FixVersion version : FixVersion.values()) {
            Suite suite = byVersion.get(version);
            if (suite != null) {
                suites.add(suite);
            }
        }
        return suites;
    }

    private static List<Path> subdirectories(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static List<Path> scripts(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".def"))
                    .sorted().toList();
        }
    }

    /** Discovers and runs the suites under {@code scriptsDir}; see {@link #run(List, List)}. */
    public SuiteSummary run(Path scriptsDir, List<String> filters) throws IOException, InterruptedException {
        return run(discover(scriptsDir), filters);
    }

    /**
     * Runs the scripts whose id ({@code fix44/2a_MsgSeqNumCorrect},
     * {@code timestamps/fix44/QFJ873_timestamps}) contains one of {@code filters}, or all of
     * them if there are no filters. A suite with nothing selected starts no acceptor.
     */
    public SuiteSummary run(List<Suite> suites, List<String> filters) throws InterruptedException {
        long start = System.nanoTime();
        List<Suite> selected = new ArrayList<>();
        for (Suite suite : suites) {
            List<Path> scripts = suite.scripts().stream().filter(p -> matches(suite.scriptId(p), filters)).toList();
            if (!scripts.isEmpty()) {
                selected.add(new Suite(suite.settings(), scripts));
            }
        }
        // suites that share a version share sessions (and QuickFIX/J keeps sessions in one
        // registry per JVM), so a suite runs only while it holds the lock of each of its versions
        Map<FixVersion, ReentrantLock> versionLocks = new EnumMap<>(FixVersion.class);
        for (FixVersion version : FixVersion.values()) {
            versionLocks.put(version, new ReentrantLock());
        }
        SuiteSummary.SuiteResult[] results = new SuiteSummary.SuiteResult[selected.size()];
        ExecutorService executor = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, selected.size())));
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int i = 0; i < selected.size(); i++) {
                int index = i;
                tasks.add(executor.submit(() -> {
                    // EnumSet iterates in ordinal order: every suite takes its locks in the same order
                    List<ReentrantLock> locks = EnumSet.copyOf(selected.get(index).settings().versions()).stream()
                            .map(versionLocks::get).toList();
                    locks.forEach(ReentrantLock::lock);
                    try {
                        results[index] = runSuite(selected.get(index));
                    } finally {
                        locks.forEach(ReentrantLock::unlock);
                    }
                }));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a suite run failed unexpectedly", e.getCause());
        } finally {
            executor.shutdownNow();
        }
        SuiteSummary summary = new SuiteSummary(List.of(results), Duration.ofNanos(System.nanoTime() - start));
        synchronized (out) {
            out.printf("total: %d/%d passed in %.1f s%n", summary.passed(), summary.total(),
                    summary.elapsed().toMillis() / 1000.0);
        }
        return summary;
    }

    private static boolean matches(String id, List<String> filters) {
        return filters.isEmpty() || filters.stream().anyMatch(id::contains);
    }

    private SuiteSummary.SuiteResult runSuite(Suite suite) {
        long start = System.nanoTime();
        List<ScriptResult> results = new ArrayList<>();
        AcceptorUnderTest acceptor = acceptors.get();
        try {
            int port = acceptor.start(suite.settings());
            ScriptRunner runner = new ScriptRunner(port, acceptor, suite.settings(), options);
            for (Path file : suite.scripts()) {
                results.add(runScript(runner, suite.scriptId(file), file));
            }
        } catch (Exception e) {
            for (int i = results.size(); i < suite.scripts().size(); i++) {
                results.add(ScriptResult.fail(suite.scriptId(suite.scripts().get(i)), 0,
                        "acceptor failed: " + e, Duration.ZERO, List.of()));
            }
        } finally {
            try {
                acceptor.stop();
            } catch (Exception e) {
                synchronized (out) {
                    out.println(suite.name() + ": acceptor did not stop cleanly: " + e);
                }
            }
        }
        SuiteSummary.SuiteResult result = new SuiteSummary.SuiteResult(suite.name(), results,
                Duration.ofNanos(System.nanoTime() - start));
        print(result);
        return result;
    }

    private static ScriptResult runScript(ScriptRunner runner, String id, Path file) {
        Script script;
        try {
            script = ScriptParser.parse(file);
        } catch (IOException | IllegalArgumentException e) {
            return ScriptResult.fail(id, 0, "cannot read script: " + e.getMessage(), Duration.ZERO, List.of());
        }
        return runner.run(id, script);
    }

    private void print(SuiteSummary.SuiteResult result) {
        synchronized (out) {
            out.println(result);
            for (ScriptResult script : result.scripts()) {
                if (script.passed()) {
                    continue;
                }
                out.println("  FAILED " + script);
                if (printTranscripts) {
                    for (String line : script.transcript()) {
                        out.println("      " + line);
                    }
                }
            }
            out.flush();
        }
    }

    /**
     * {@code ConformanceSuite --acceptor=<class> [options] <scripts-dir> [filter...]}, where
     * the class implements {@link AcceptorUnderTest} with a public no-argument constructor.
     * Options: {@code --parallel=N}, {@code --heartbeat=N} (QuickFIX/J CI's override),
     * {@code --expect-timeout=SECONDS}, {@code --compare-body-length}, {@code --transcripts}.
     * Exits 0 if every selected script passed, 1 if not, 2 on bad arguments.
     */
    public static void main(String[] args) throws Exception {
        String acceptorClass = null;
        Path scriptsDir = null;
        List<String> filters = new ArrayList<>();
        RunnerOptions options = RunnerOptions.defaults();
        int parallelism = 1;
        boolean transcripts = false;
        for (String arg : args) {
            if (arg.startsWith("--acceptor=")) {
                acceptorClass = value(arg);
            } else if (arg.startsWith("--parallel=")) {
                parallelism = Integer.parseInt(value(arg));
            } else if (arg.startsWith("--heartbeat=")) {
                options = options.withHeartbeatOverride(Integer.parseInt(value(arg)));
            } else if (arg.startsWith("--expect-timeout=")) {
                options = options.withExpectTimeout(Duration.ofSeconds(Long.parseLong(value(arg))));
            } else if (arg.equals("--compare-body-length")) {
                options = options.withCompareBodyLength(true);
            } else if (arg.equals("--transcripts")) {
                transcripts = true;
            } else if (arg.startsWith("--")) {
                usage("unknown option " + arg);
                return;
            } else if (scriptsDir == null) {
                scriptsDir = Path.of(arg);
            } else {
                filters.add(arg);
            }
        }
        if (acceptorClass == null || scriptsDir == null) {
            usage("--acceptor and the scripts directory are required");
            return;
        }
        Class<? extends AcceptorUnderTest> type = Class.forName(acceptorClass).asSubclass(AcceptorUnderTest.class);
        Supplier<AcceptorUnderTest> acceptors = () -> {
            try {
                return type.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException(type.getName() + " needs a public no-argument constructor", e);
            }
        };
        SuiteSummary summary = new ConformanceSuite(acceptors, options, parallelism, System.out, transcripts)
                .run(scriptsDir, filters);
        System.exit(summary.passed() == summary.total() ? 0 : 1);
    }

    private static String value(String arg) {
        return arg.substring(arg.indexOf('=') + 1);
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: ConformanceSuite --acceptor=<AcceptorUnderTest class> [--parallel=N] [--heartbeat=N]"
                + " [--expect-timeout=SECONDS] [--compare-body-length] [--transcripts] <scripts-dir> [filter...]");
        System.exit(2);
    }
}
