package dev.cdm.bench.replay;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;

/**
 * A MongoDatabase whose collections time every call that reaches the server: reads (a find's terminal call, which
 * also runs the caller's decoding of each document) and writes (bulk writes, deletes, updates). Building a query is
 * not timed; nothing else changes, so the repository on it behaves exactly as on the plain database.
 */
final class TimedMongo {

    private static final Set<String> READS = Set.of("first", "forEach", "into", "iterator", "cursor",
            "countDocuments", "estimatedDocumentCount", "distinct", "aggregate");
    private static final Set<String> WRITES = Set.of("bulkWrite", "deleteMany", "deleteOne", "insertMany",
            "insertOne", "replaceOne", "updateOne", "updateMany", "findOneAndUpdate", "findOneAndReplace",
            "findOneAndDelete", "drop", "createIndex", "createIndexes");

    private TimedMongo() {
    }

    static MongoDatabase database(MongoDatabase database, ReadModelTimes times) {
        return proxy(MongoDatabase.class, database, (method, args) -> {
            Object result = invoke(database, method, args);
            return result instanceof MongoCollection<?> collection ? collection(collection, times) : result;
        });
    }

    private static MongoCollection<?> collection(MongoCollection<?> collection, ReadModelTimes times) {
        return proxy(MongoCollection.class, collection, (method, args) -> {
            if (WRITES.contains(method.getName())) {
                long start = System.nanoTime();
                try {
                    return invoke(collection, method, args);
                } finally {
                    times.wrote(System.nanoTime() - start);
                }
            }
            Object result = invoke(collection, method, args);
            return result instanceof FindIterable<?> find ? find(find, times) : result;
        });
    }

    private static FindIterable<?> find(FindIterable<?> find, ReadModelTimes times) {
        return proxy(FindIterable.class, find, (method, args) -> {
            if (READS.contains(method.getName())) {
                long start = System.nanoTime();
                try {
                    return invoke(find, method, args);
                } finally {
                    times.read(System.nanoTime() - start);
                }
            }
            Object result = invoke(find, method, args);
            // the builder methods (filter, projection, sort, limit) return the iterable itself
            return result instanceof FindIterable<?> next ? find(next, times) : result;
        });
    }

    private interface Call {
        Object invoke(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Object target, Call call) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> method.getDeclaringClass() == Object.class
                        ? invoke(target, method, args) : call.invoke(method, args)));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
