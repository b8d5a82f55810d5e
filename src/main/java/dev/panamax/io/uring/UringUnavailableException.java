package dev.panamax.io.uring;

import java.io.IOException;

/**
 * The kernel or the JVM refused io_uring (not Linux, native access denied, {@code io_uring_setup} failing with
 * EPERM/ENOSYS/..., a required opcode missing); the message names the refusal. Callers fall back to positional I/O.
 */
public final class UringUnavailableException extends IOException {
    UringUnavailableException(String message) {
        super(message);
    }

    UringUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
