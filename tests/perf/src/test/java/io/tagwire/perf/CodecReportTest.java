package io.tagwire.perf;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CodecReportTest {
    @Test
    void printsOneAlignedLinePerBenchmarkWithTheRatio() {
        String table = CodecReport.format(List.of(
            new CodecReport.Row("NewOrderSingleParse", 80.04, 0.002, 2400.0, 3512.7),
            new CodecReport.Row("NewOrderSingleValidate", 120.0, 0, Double.NaN, Double.NaN)));

        assertThat(table).isEqualTo(""
            + "| benchmark              | Tagwire ns/op | Tagwire B/op | QFJ ns/op | QFJ B/op | QFJ/Tagwire |\n"
            + "|------------------------|---------------|--------------|-----------|----------|-------------|\n"
            + "| NewOrderSingleParse    |          80.0 |            0 |   2,400.0 |    3,513 |       30.0x |\n"
            + "| NewOrderSingleValidate |         120.0 |            0 |         - |        - |           - |\n");
    }
}
