package io.tagwire.perf;

import io.tagwire.codec.FixMessage;
import io.tagwire.codec.ValidationResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import quickfix.FieldException;
import quickfix.FieldNotFound;
import quickfix.IncorrectDataFormat;
import quickfix.IncorrectTagValue;
import quickfix.Message;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The validation benchmark validates for real: both validators accept the benchmark's
 * NewOrderSingle, and reject the same broken ones with the same SessionRejectReason(373)
 * and RefTagID(371).
 */
class ValidateBenchmarkSmokeTest {
    private final NewOrderSingleValidateBenchmark benchmark = new NewOrderSingleValidateBenchmark();

    @BeforeEach
    void setUp() throws Exception {
        benchmark.setUp();
    }

    @Test
    void bothValidatorsAcceptTheNewOrderSingle() throws Exception {
        assertThat(benchmark.tagwire()).isTrue();
        assertThat(benchmark.result().ok()).isTrue();
        assertThat(benchmark.quickfixj().getHeader().getString(35)).isEqualTo("D");
    }

    @Test
    void theLayoutChangeBenchmarkValidatesEveryOrder() {
        ValidateLayoutChangeBenchmark layouts = new ValidateLayoutChangeBenchmark();
        layouts.setUp();
        for (int i = 0; i < 6; i++) {
            assertThat(layouts.tagwire()).as(layouts.result().toString()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0} -> {1}: 373={2} 371={3}")
    @CsvSource({
        "54=1|, 54=Z|, 5, 54",
        "44=62000.5|, 44=62k|, 6, 44",
        "55=BTCUSDT|, '', 1, 55",
        "21=1|, 21=1|5001=x|, 0, 5001",
    })
    void bothValidatorsRejectABrokenNewOrderSingleAlike(String field, String replacement, int reason, int tag)
            throws Exception {
        String piped = Samples.framed(Samples.NEW_ORDER_SINGLE_BODY.replace(field, replacement));

        byte[] wire = Samples.wire(piped);
        FixMessage message = new FixMessage();
        message.parse(wire, 0, wire.length);
        ValidationResult result = new ValidationResult();
        assertThat(benchmark.validator().validate(message, result)).isFalse();
        assertThat(result.sessionRejectReason()).isEqualTo(reason);
        assertThat(result.refTagId()).isEqualTo(tag);

        Message quickFixJMessage = new Message();
        quickFixJMessage.fromString(Samples.soh(piped), benchmark.dictionary(), benchmark.quickFixJSettings(), false);
        int[] quickFixJReject = quickFixJReject(quickFixJMessage);
        assertThat(quickFixJReject).containsExactly(reason, tag);
    }

    /** {SessionRejectReason, RefTagID} of what QuickFIX/J's validation throws, or null if it accepts. */
    private int[] quickFixJReject(Message message) {
        try {
            benchmark.dictionary().validate(message, benchmark.quickFixJSettings());
            return null;
        } catch (FieldNotFound e) {
            return new int[] {ValidationResult.REQUIRED_TAG_MISSING, e.field};
        } catch (FieldException e) {
            return new int[] {e.getSessionRejectReason(), e.getField()};
        } catch (IncorrectTagValue e) {
            return new int[] {e.getSessionRejectReason(), e.getField()};
        } catch (IncorrectDataFormat e) {
            return new int[] {e.getSessionRejectReason(), e.getField()};
        }
    }
}
