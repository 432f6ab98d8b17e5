package io.tagwire.perf;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CodecReportTest {
    private final List<CodecReport.Row> rows = List.of(
        new CodecReport.Row("NewOrderSingleParse",
            new CodecReport.Scores(80.04, 1.25, 0.002, 79.5), new CodecReport.Scores(2400.0, 35.0, 3512.7, 2500.0)),
        new CodecReport.Row("NewOrderSingleValidate",
            new CodecReport.Scores(120.0, Double.NaN, 0, 118.0), CodecReport.Scores.NONE));

    @Test
    void printsOneAlignedLinePerBenchmarkWithTheRatio() {
        assertThat(CodecReport.format(rows)).isEqualTo(""
            + "| benchmark              | Tagwire ns/op | Tagwire B/op |      QFJ ns/op | QFJ B/op | QFJ/Tagwire |\n"
            + "|------------------------|---------------|--------------|----------------|----------|-------------|\n"
            + "| NewOrderSingleParse    |    80.0 ± 1.3 |            0 | 2,400.0 ± 35.0 |    3,513 |       30.0x |\n"
            + "| NewOrderSingleValidate |         120.0 |            0 |              - |        - |           - |\n");
    }

    @Test
    void printsCpuTimePerOperation() {
        assertThat(CodecReport.formatCpu(rows)).isEqualTo(""
            + "| benchmark              | Tagwire CPU ns/op | QFJ CPU ns/op | QFJ/Tagwire |\n"
            + "|------------------------|-------------------|---------------|-------------|\n"
            + "| NewOrderSingleParse    |              79.5 |       2,500.0 |       31.4x |\n"
            + "| NewOrderSingleValidate |             118.0 |             - |           - |\n");
    }
}
