package io.tagwire.perf;

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.filterchain.IoFilter;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolCodecException;
import org.apache.mina.filter.codec.ProtocolDecoderOutput;
import org.apache.mina.filter.codec.demux.MessageDecoderResult;
import quickfix.ConfigError;
import quickfix.DataDictionary;
import quickfix.InvalidMessage;
import quickfix.Message;
import quickfix.ValidationSettings;
import quickfix.mina.message.FIXMessageDecoder;

import java.io.UnsupportedEncodingException;

/**
 * How a QuickFIX/J session turns received bytes into a {@link Message}, the counterpart of
 * Tagwire's framer and parser: its transport's {@link FIXMessageDecoder} finds the frame
 * (BeginString, BodyLength, where CheckSum is) and decodes it to a {@code String}, then
 * {@code Message.fromString(text, dictionary, settings, true, true)} parses it with the
 * dictionary and checks CheckSum(10), as {@code MessageUtils.parse} does for its session.
 * The message is a plain {@link Message}: no message factory, which would only add work.
 */
final class QuickFixJReceiver {
    private final DataDictionary dictionary;
    private final ValidationSettings settings = new ValidationSettings();
    private final FIXMessageDecoder decoder;
    private final IoBuffer received;
    private final Decoded decoded = new Decoded();

    /** @param wire one whole message as it arrives, which {@link #receive} decodes each time */
    QuickFixJReceiver(byte[] wire) throws ConfigError {
        dictionary = QuickFixJ.fix44Dictionary();
        try {
            decoder = new FIXMessageDecoder();
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("QuickFIX/J's default charset is missing", e);
        }
        received = IoBuffer.wrap(wire.clone());
    }

    /** Frames and parses the bytes given at construction, as received. */
    Message receive() throws ProtocolCodecException, InvalidMessage {
        received.rewind();
        decoded.text = null;
        if (decoder.decode(null, received, decoded) != MessageDecoderResult.OK || decoded.text == null) {
            throw new IllegalStateException("QuickFIX/J's decoder found no message");
        }
        Message message = new Message();
        message.fromString(decoded.text, dictionary, settings, true, true);
        return message;
    }

    /**
     * The narrower measure used before session 5: a ready {@code String} parsed without
     * checking CheckSum(10), so neither framing nor the checksum is counted.
     */
    Message fromString(String text) throws InvalidMessage {
        Message message = new Message();
        message.fromString(text, dictionary, settings, false);
        return message;
    }

    /** Where the decoder puts the message it found, as its MINA filter chain would pass it on. */
    private static final class Decoded implements ProtocolDecoderOutput {
        String text;

        @Override
        public void write(Object message) {
            text = (String) message;
        }

        @Override
        public void flush(IoFilter.NextFilter nextFilter, IoSession session) {
            // nothing is queued
        }
    }
}
