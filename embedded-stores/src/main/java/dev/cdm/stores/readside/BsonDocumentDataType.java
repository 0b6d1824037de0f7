package dev.cdm.stores.readside;

import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.Map;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Stored documents as BSON, the form they arrive in over the wire, instead of the library's default Java
 * serialization (several times slower to write, and larger).
 */
final class BsonDocumentDataType extends BasicDataType<Document> {

    static final BsonDocumentDataType INSTANCE = new BsonDocumentDataType();

    private BsonDocumentDataType() {
    }

    /**
     * The heap a document takes, roughly: the page cache evicts by these numbers, so they must grow with the
     * document (a block listing 100 profile ids is a hundred times larger than a route) or the cache outgrows the
     * heap.
     */
    @Override
    public int getMemory(Document document) {
        return (int) Math.min(Integer.MAX_VALUE, memoryOf(document));
    }

    private static long memoryOf(Object value) {
        if (value instanceof Map<?, ?> map) {
            long memory = 64;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                memory += 32 + memoryOf(entry.getKey()) + memoryOf(entry.getValue());
            }
            return memory;
        }
        if (value instanceof Collection<?> list) {
            long memory = 32;
            for (Object element : list) {
                memory += 8 + memoryOf(element);
            }
            return memory;
        }
        if (value instanceof CharSequence text) {
            return 48 + text.length();
        }
        if (value instanceof byte[] bytes) {
            return 24 + bytes.length;
        }
        return 24;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, bson);
            buffer.put(bson.nioBuffer());
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        // a BSON document starts with its own length, little-endian
        int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
        ByteBuffer bson = buffer.slice().limit(length);
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    @Override
    public int compare(Document a, Document b) {
        return ValueComparator.asc().compare(a, b);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
