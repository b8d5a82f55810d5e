package dev.panamax.io.memory;

import java.io.IOException;

/** Thrown by every call to a crashed {@link MemoryFileSystem} and its files, and by the call that crashed it. */
public final class SimulatedCrashException extends IOException {
    SimulatedCrashException(String message) {
        super(message);
    }
}
