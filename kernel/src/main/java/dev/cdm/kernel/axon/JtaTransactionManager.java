package dev.cdm.kernel.axon;

import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import org.axonframework.common.transaction.Transaction;

/**
 * Runs Axon units of work in JTA transactions, so that event appends and event store reads use the transactional
 * connections of the Quarkus datasource. Joins a transaction that is already active.
 */
public final class JtaTransactionManager implements org.axonframework.common.transaction.TransactionManager {

    private static final Transaction JOINED = new Transaction() {
        @Override
        public void commit() {
        }

        @Override
        public void rollback() {
        }
    };

    private final TransactionManager jta;

    public JtaTransactionManager(TransactionManager jta) {
        this.jta = jta;
    }

    @Override
    public Transaction startTransaction() {
        try {
            if (jta.getStatus() != Status.STATUS_NO_TRANSACTION) {
                return JOINED;
            }
            jta.begin();
            return new Transaction() {
                @Override
                public void commit() {
                    try {
                        jta.commit();
                    } catch (Exception e) {
                        throw new IllegalStateException("Commit of the event store transaction failed", e);
                    }
                }

                @Override
                public void rollback() {
                    try {
                        jta.rollback();
                    } catch (SystemException e) {
                        throw new IllegalStateException("Rollback of the event store transaction failed", e);
                    }
                }
            };
        } catch (Exception e) {
            throw new IllegalStateException("Could not start an event store transaction", e);
        }
    }
}
