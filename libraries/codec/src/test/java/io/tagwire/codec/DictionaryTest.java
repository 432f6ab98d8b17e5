package io.tagwire.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DictionaryTest {
    private static final Path BINANCE = Paths.get("../../../shared/venues/binance/spot-fix-oe.xml");

    private static Dictionary binance() {
        Assumptions.assumeTrue(Files.exists(BINANCE), "no " + BINANCE);
        return Dictionary.load(BINANCE);
    }

    private static Dictionary fromText(String xml) {
        InputStream in = new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
        return Dictionary.load(in, "test.xml");
    }

    @ParameterizedTest
    @CsvSource({
        "FIX.4.0, FIX.4.0, 0", "FIX.4.1, FIX.4.1, 0", "FIX.4.2, FIX.4.2, 0", "FIX.4.3, FIX.4.3, 0",
        "FIX.4.4, FIX.4.4, 0", "FIXT.1.1, FIXT.1.1, 0", "FIX.5.0, FIX.5.0, 1", "FIX.5.0SP1, FIX.5.0, 1",
        "FIX.5.0SP2, FIX.5.0, 1",
    })
    void loadsEveryBundledDictionary(String name, String beginString, int applicationOnly) {
        Dictionary dictionary = Dictionary.standard(name);

        assertThat(dictionary.beginString()).isEqualTo(beginString);
        assertThat(dictionary.messages()).isNotEmpty();
        assertThat(dictionary.isMessageDefined(MsgTypeKey.of("D"))).isEqualTo(!name.equals("FIXT.1.1"));
        // FIX 5.0 application dictionaries leave the header to FIXT.1.1
        assertThat(dictionary.isHeaderField(49)).isEqualTo(applicationOnly == 0);
        assertThat(dictionary.isTrailerField(10)).isEqualTo(applicationOnly == 0);
    }

    @Test
    void findsAStandardDictionaryByBeginStringOrFileStemAndLoadsItOnce() {
        assertThat(Dictionary.standard("FIX44")).isSameAs(Dictionary.standard("FIX.4.4"));
        assertThat(Dictionary.standard("FIXT11")).isSameAs(Dictionary.standard("FIXT.1.1"));
        assertThat(Dictionary.standard("FIX50SP2.xml")).isSameAs(Dictionary.standard("FIX.5.0SP2"));
        assertThatThrownBy(() -> Dictionary.standard("FIX.4.5"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FIX.4.5");
    }

    @Test
    void namesFieldsAndTheirTypes() {
        Dictionary fix44 = Dictionary.standard("FIX.4.4");

        assertThat(fix44.fieldName(11)).isEqualTo("ClOrdID");
        assertThat(fix44.fieldTag("ClOrdID")).isEqualTo(11);
        assertThat(fix44.fieldType(38)).isEqualTo(FieldType.QTY);
        assertThat(fix44.fieldType(52)).isEqualTo(FieldType.UTCTIMESTAMP);
        assertThat(fix44.fieldType(453)).isEqualTo(FieldType.NUMINGROUP);
        assertThat(fix44.fieldType(18)).isEqualTo(FieldType.MULTIPLEVALUESTRING);
        assertThat(fix44.isFieldDefined(999)).isFalse();
        assertThat(fix44.fieldName(999)).isNull();
        assertThat(fix44.fieldTag("NoSuchField")).isEqualTo(-1);
        assertThat(fix44.fieldType(999)).isEqualTo(FieldType.UNKNOWN);
        assertThat(fix44.fieldName(-1)).isNull();
    }

    @Test
    void describesEnumValues() {
        Dictionary fix44 = Dictionary.standard("FIX.4.4");

        assertThat(fix44.hasEnums(54)).isTrue();
        assertThat(fix44.enumDescription(54, "1")).isEqualTo("BUY");
        assertThat(fix44.enumDescription(40, "2")).isEqualTo("LIMIT");
        assertThat(fix44.enumDescription(35, "AE")).isEqualTo("TRADE_CAPTURE_REPORT");
        assertThat(fix44.enumDescription(54, "Z")).isNull();
        assertThat(fix44.hasEnums(11)).isFalse();
        assertThat(fix44.enumDescription(11, "1")).isNull();
        assertThat(fix44.isEnumValue(54, "2")).isTrue();
        assertThat(fix44.isEnumValue(54, "Z")).isFalse();
        assertThat(fix44.isEnumValue(65, "ANY")).as("SymbolSfx allows other values").isTrue();
        assertThat(fix44.enumCount(54)).isGreaterThan(10);
        assertThat(fix44.enumValue(54, 0)).isEqualTo("1");
    }

    @Test
    void definesMessagesWithTheirCategoryAndRequiredFields() {
        Dictionary fix44 = Dictionary.standard("FIX.4.4");
        long newOrderSingle = MsgTypeKey.of("D");

        assertThat(fix44.messageName(newOrderSingle)).isEqualTo("NewOrderSingle");
        assertThat(fix44.messageName(MsgTypeKey.of("*"))).isNull();
        assertThat(fix44.isMessageDefined(MsgTypeKey.of("*"))).isFalse();
        assertThat(fix44.isAdminMessage(MsgTypeKey.of("A"))).isTrue();
        assertThat(fix44.isAdminMessage(newOrderSingle)).isFalse();

        MessageDefinition order = fix44.message(newOrderSingle);
        assertThat(order.isRequired(11)).isTrue();
        assertThat(order.isRequired(55)).as("Symbol, in the required Instrument component").isTrue();
        assertThat(order.isRequired(38)).as("OrderQty, optional in the required OrderQtyData").isFalse();
        assertThat(order.isField(453)).as("a group's count field").isTrue();
        assertThat(order.isField(448)).as("a group member").isFalse();
        // SecurityDefinition references Instrument with required='N'
        assertThat(fix44.message(MsgTypeKey.of("d")).isRequired(55)).isFalse();
        assertThat(fix44.message(MsgTypeKey.of("d")).isField(55)).isTrue();
    }

    @Test
    void nestsRepeatingGroups() {
        Dictionary fix44 = Dictionary.standard("FIX.4.4");

        GroupDefinition parties = fix44.group(MsgTypeKey.of("D"), 453);
        assertThat(parties.name()).isEqualTo("NoPartyIDs");
        assertThat(parties.delimiterTag()).isEqualTo(448);
        assertThat(parties.memberTag(0)).isEqualTo(448);
        assertThat(parties.position(447)).isEqualTo(1);
        assertThat(parties.isMember(802)).isTrue();
        GroupDefinition subIds = parties.group(802);
        assertThat(subIds.delimiterTag()).isEqualTo(523);
        assertThat(subIds.isMember(803)).isTrue();
        assertThat(parties.isMember(523)).as("nested member").isFalse();

        GroupDefinition entries = fix44.group(MsgTypeKey.of("W"), 268);
        assertThat(entries.delimiterTag()).isEqualTo(269);
        assertThat(entries.required()).isTrue();

        assertThat(fix44.group(MsgTypeKey.of("D"), 627)).as("the header's NoHops").isNotNull();
        assertThat(fix44.group(MsgTypeKey.of("D"), 55)).isNull();
        // a group whose first member comes from a component: NoRelatedSym starts with Instrument's Symbol
        assertThat(fix44.group(MsgTypeKey.of("C"), 146).delimiterTag()).isEqualTo(55);
    }

    @Test
    void pairsLengthFieldsWithTheirDataFields() {
        DataFields fix44 = Dictionary.standard("FIX.4.4").dataFields();
        assertThat(fix44.dataTagFor(95)).isEqualTo(96);
        assertThat(fix44.dataTagFor(93)).isEqualTo(89);
        assertThat(fix44.dataTagFor(212)).isEqualTo(213);
        assertThat(fix44.dataTagFor(354)).isEqualTo(355);
        assertThat(fix44.dataTagFor(9)).isZero();

        // FIX 4.2 types its length fields INT
        assertThat(Dictionary.standard("FIX.4.2").dataFields().dataTagFor(90)).isEqualTo(91);
        assertThat(Dictionary.standard("FIX.5.0SP2").dataFields().dataTagFor(1277)).isEqualTo(1278);
    }

    @Test
    void loadsTheBinanceVenueDictionary() {
        Dictionary binance = binance();

        assertThat(binance.beginString()).isEqualTo("FIX.4.4");
        assertThat(binance.fieldName(25035)).isEqualTo("MessageHandling");
        assertThat(binance.enumDescription(25035, "2")).isEqualTo("SEQUENTIAL");
        assertThat(binance.messageName(MsgTypeKey.of("XCN"))).isEqualTo("OrderCancelRequestAndNewOrderSingle");
        assertThat(binance.messageName(MsgTypeKey.of("XLQ"))).isEqualTo("LimitQuery");
        assertThat(binance.isMessageDefined(MsgTypeKey.of("XAK"))).isTrue();
        MessageDefinition xcn = binance.message(MsgTypeKey.of("XCN"));
        assertThat(xcn.isRequired(55)).as("Symbol, through the required NewOrder component").isTrue();
        assertThat(xcn.isRequired(44)).isFalse();
        assertThat(binance.isHeaderField(25000)).as("RecvWindow").isTrue();
        assertThat(binance.dataFields().dataTagFor(95)).isEqualTo(96);
        GroupDefinition orders = binance.group(MsgTypeKey.of("E"), 73);
        assertThat(orders.delimiterTag()).isEqualTo(11);
        assertThat(orders.isRequiredMember(55)).isTrue();
        assertThat(orders.required()).isFalse();
    }

    @Test
    void rejectsMalformedXmlNamingTheFileAndLine() {
        assertThatThrownBy(() -> fromText("<fix major='4' minor='4'>\n<fields>\n<field number='1' name='A'\n</fix>"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("test.xml")
            .hasMessageContaining("line 4");
    }

    @Test
    void rejectsAMessageReferencingAnUndefinedField() {
        assertThatThrownBy(() -> fromText("<fix major='4' minor='4'><header><field name='BeginString' required='Y'/>"
            + "</header><trailer><field name='CheckSum' required='Y'/></trailer><messages>"
            + "<message name='Heartbeat' msgtype='0' msgcat='admin'><field name='TestReqId' required='N'/></message>"
            + "</messages><fields><field number='8' name='BeginString' type='STRING'/>"
            + "<field number='10' name='CheckSum' type='STRING'/><field number='112' name='TestReqID' type='STRING'/>"
            + "</fields></fix>"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("dictionary test.xml: message Heartbeat (0) references undefined field 'TestReqId'");
    }

    @Test
    void rejectsAnUndefinedOrSelfIncludingComponent() {
        String fields = "<fields><field number='8' name='BeginString' type='STRING'/>"
            + "<field number='10' name='CheckSum' type='STRING'/></fields>";
        String sections = "<header><field name='BeginString' required='Y'/></header>"
            + "<trailer><field name='CheckSum' required='Y'/></trailer>";
        assertThatThrownBy(() -> fromText("<fix major='4' minor='4'>" + sections + "<messages>"
            + "<message name='Heartbeat' msgtype='0'><component name='Nope' required='N'/></message></messages>"
            + fields + "</fix>"))
            .hasMessageContaining("references undefined component 'Nope'");
        assertThatThrownBy(() -> fromText("<fix major='4' minor='4'>" + sections + "<messages>"
            + "<message name='Heartbeat' msgtype='0'><component name='Loop' required='N'/></message></messages>"
            + "<components><component name='Loop'><component name='Loop' required='N'/></component></components>"
            + fields + "</fix>"))
            .hasMessageContaining("component Loop includes itself");
    }

    @Test
    void rejectsADictionaryWithoutFieldsOrMessages() {
        assertThatThrownBy(() -> fromText("<fix major='4' minor='4'><messages/></fix>"))
            .hasMessage("dictionary test.xml: no <fields> section");
        assertThatThrownBy(() -> fromText("<dictionary/>"))
            .hasMessageContaining("expected <fix>");
    }

    @Test
    void failsOnAMissingFileNamingIt() {
        assertThatThrownBy(() -> Dictionary.load(Paths.get("/no/such/FIX44.xml")))
            .isInstanceOf(UncheckedIOException.class)
            .hasMessageContaining("/no/such/FIX44.xml");
    }
}
