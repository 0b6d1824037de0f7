package dev.cdm.kernel.crypto;

/**
 * The key that encrypts data keys at rest, as a KMS would hold it: data keys leave it only wrapped. A provider for a
 * real KMS implements this interface; {@link LocalMasterKey} holds the key in memory, read from configuration.
 */
public interface MasterKey {

    /** Names this master key in the stored rows, so that keys wrapped by an older master key can be told apart. */
    String id();

    byte[] wrap(byte[] dataKey, String keyId);

    byte[] unwrap(byte[] wrappedKey, String keyId);
}
