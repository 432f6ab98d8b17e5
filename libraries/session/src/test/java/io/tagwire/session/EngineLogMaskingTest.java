package io.tagwire.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagwire.codec.Ascii;
import org.junit.jupiter.api.Test;

/** Secrets never reach the log: Password(554), NewPassword(925) and RawData(96) are masked. */
class EngineLogMaskingTest {
    @Test
    void masksPasswordsAndRawData() {
        byte[] logon = Ascii.fromPiped("8=FIX.4.4|9=99|35=A|553=trader|554=s3cret|925=n3w|95=7|96=a|b=c|d|98=0|10=123|");
        assertThat(Slf4jSessionLog.masked(logon, 0, logon.length))
            .isEqualTo("8=FIX.4.4|9=99|35=A|553=trader|554=****|925=****|95=7|96=****|98=0|10=123|");
    }

    @Test
    void showsWhatIsNotAFieldAsItIs() {
        byte[] text = Ascii.fromPiped("8=FIX.4.4|9=5|garbage");
        assertThat(Slf4jSessionLog.masked(text, 0, text.length)).isEqualTo("8=FIX.4.4|9=5|garbage");
    }
}
