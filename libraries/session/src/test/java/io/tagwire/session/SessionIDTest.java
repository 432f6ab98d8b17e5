package io.tagwire.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SessionIDTest {
    @Test
    void printsLikeQuickFix() {
        assertThat(new SessionID("FIX.4.4", "ISLD", "TW")).hasToString("FIX.4.4:ISLD->TW");
        assertThat(new SessionID("FIX.4.2", "TW", "ARCA", "backup")).hasToString("FIX.4.2:TW->ARCA:backup");
        assertThat(new SessionID("FIX.4.4", "TW", "DESK1", "NY", "ARCA", "GW", "", ""))
            .hasToString("FIX.4.4:TW/DESK1/NY->ARCA/GW");
    }

    @Test
    void writesAnEmptySubIdWhenOnlyTheLocationIsSet() {
        SessionID id = new SessionID("FIX.4.4", "TW", "", "NY", "ARCA", "", "", "");

        assertThat(id).hasToString("FIX.4.4:TW//NY->ARCA");
        assertThat(SessionID.parse(id.toString())).isEqualTo(id);
        assertThat(SessionID.parse(id.toString()).senderLocationId()).isEqualTo("NY");
    }

    @Test
    void parsesWhatItPrints() {
        SessionID id = SessionID.parse("FIXT.1.1:TW/DESK1/NY->LSE/GW/LDN:primary");

        assertThat(id.beginString()).isEqualTo("FIXT.1.1");
        assertThat(id.senderCompId()).isEqualTo("TW");
        assertThat(id.senderSubId()).isEqualTo("DESK1");
        assertThat(id.senderLocationId()).isEqualTo("NY");
        assertThat(id.targetCompId()).isEqualTo("LSE");
        assertThat(id.targetSubId()).isEqualTo("GW");
        assertThat(id.targetLocationId()).isEqualTo("LDN");
        assertThat(id.sessionQualifier()).isEqualTo("primary");
        assertThat(id.isFixt()).isTrue();
        assertThat(id).isEqualTo(new SessionID("FIXT.1.1", "TW", "DESK1", "NY", "LSE", "GW", "LDN", "primary"));
        assertThat(SessionID.parse("FIX.4.4:ISLD->TW")).isEqualTo(new SessionID("FIX.4.4", "ISLD", "TW"))
            .hasSameHashCodeAs(new SessionID("FIX.4.4", "ISLD", "TW"));
    }

    @Test
    void treatsNullAndEmptyOptionalPartsAlike() {
        assertThat(new SessionID("FIX.4.4", "ISLD", null, null, "TW", null, null, null))
            .isEqualTo(new SessionID("FIX.4.4", "ISLD", "TW", ""));
        assertThat(new SessionID("FIX.4.4", "ISLD", "TW", "q")).isNotEqualTo(new SessionID("FIX.4.4", "ISLD", "TW"));
    }

    @Test
    void refusesWhatIsNotASessionId() {
        assertThatThrownBy(() -> SessionID.parse("FIX.4.4 ISLD TW")).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("SessionID must look like FIX.4.4:SENDER->TARGET[:Qualifier], was 'FIX.4.4 ISLD TW'");
        assertThatThrownBy(() -> SessionID.parse("FIX.4.4:->TW")).hasMessage("SenderCompID must not be empty");
        assertThatThrownBy(() -> new SessionID("", "ISLD", "TW")).hasMessage("BeginString must not be empty");
    }
}
