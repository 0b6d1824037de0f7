package dev.cdm.ingestion.grpc;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the request headers of every call a fake peer receives, to check who ingestion-service said was calling. */
final class RecordedHeaders implements ServerInterceptor {

    private final List<Metadata> headers = new CopyOnWriteArrayList<>();

    @Override
    public <Q, S> ServerCall.Listener<Q> interceptCall(ServerCall<Q, S> call, Metadata requestHeaders,
                                                       ServerCallHandler<Q, S> next) {
        headers.add(requestHeaders);
        return next.startCall(call, requestHeaders);
    }

    /** The request headers of the calls so far, oldest first. */
    List<Metadata> all() {
        return List.copyOf(headers);
    }

    /** The request headers of the latest call. */
    Metadata last() {
        return headers.get(headers.size() - 1);
    }
}
