package io.tagwire.codec;

/**
 * Which tags are the length of a data field and which data field each announces, so the
 * parser reads data such as RawData(96) by length: it may contain SOH. The standard pairs
 * of FIX 4.0 to 5.0SP2 are built in; a dictionary supplies its own.
 */
public final class DataFields {
    private static final int DIRECT_LIMIT = 1024;
    /** The FIX standard's Length/Data pairs, e.g. RawDataLength(95) announces RawData(96). */
    public static final DataFields STANDARD = new DataFields(new int[][] {
        {90, 91}, {93, 89}, {95, 96}, {212, 213}, {348, 349}, {350, 351}, {352, 353}, {354, 355},
        {356, 357}, {358, 359}, {360, 361}, {362, 363}, {364, 365}, {445, 446}, {618, 619}, {621, 622},
        {1184, 1185}, {1277, 1278}, {1397, 1398}, {1401, 1402}, {1468, 1469}, {1525, 1526}, {1664, 1665},
        {1678, 1697}, {1732, 1733}, {1734, 1735},
    });

    private final int[] dataTagByLengthTag = new int[DIRECT_LIMIT];
    private final int[] largeLengthTags;
    private final int[] largeDataTags;

    /** @param pairs each {lengthTag, dataTag} */
    public DataFields(int[][] pairs) {
        int large = 0;
        for (int[] pair : pairs) {
            if (pair[0] >= DIRECT_LIMIT) {
                large++;
            }
        }
        largeLengthTags = new int[large];
        largeDataTags = new int[large];
        int next = 0;
        for (int[] pair : pairs) {
            if (pair[0] <= 0 || pair[1] <= 0) {
                throw new IllegalArgumentException("tags must be positive: " + pair[0] + "/" + pair[1]);
            }
            if (pair[0] < DIRECT_LIMIT) {
                dataTagByLengthTag[pair[0]] = pair[1];
            } else {
                largeLengthTags[next] = pair[0];
                largeDataTags[next++] = pair[1];
            }
        }
    }

    /** The data tag that {@code lengthTag} announces, or 0 if it is not a length field. */
    public int dataTagFor(int lengthTag) {
        if (lengthTag > 0 && lengthTag < DIRECT_LIMIT) {
            return dataTagByLengthTag[lengthTag];
        }
        for (int i = 0; i < largeLengthTags.length; i++) {
            if (largeLengthTags[i] == lengthTag) {
                return largeDataTags[i];
            }
        }
        return 0;
    }
}
