package dev.cdm.cli.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** An import file opened as UTF-8 text without its byte order mark, telling how many bytes were read so far. */
final class ImportFile implements AutoCloseable {

    private static final int BYTE_ORDER_MARK = '\uFEFF';

    private final SeekableByteChannel channel;
    private final BufferedReader text;

    private ImportFile(SeekableByteChannel channel, BufferedReader text) {
        this.channel = channel;
        this.text = text;
    }

    static ImportFile open(Path path) {
        try {
            SeekableByteChannel channel = Files.newByteChannel(path);
            BufferedReader text = new BufferedReader(
                    new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
            text.mark(1);
            if (text.read() != BYTE_ORDER_MARK) {
                text.reset();
            }
            return new ImportFile(channel, text);
        } catch (IOException e) {
            throw new ImportInputException("Cannot read " + path + ": " + e.getMessage());
        }
    }

    BufferedReader text() {
        return text;
    }

    /** Bytes taken from the file, which runs ahead of the records parsed by at most a buffer. */
    long bytesRead() {
        try {
            return channel.position();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            text.close();
        } catch (IOException e) {
            // nothing was written; a failed close loses nothing
        }
    }
}
