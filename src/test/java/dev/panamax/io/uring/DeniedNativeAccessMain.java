package dev.panamax.io.uring;

import dev.panamax.io.FileBackend;
import dev.panamax.io.IoBackend;
import dev.panamax.io.IoBackends;

/** Run in a child JVM with native access denied: prints the backend chosen and the probe's refusal. */
public final class DeniedNativeAccessMain {
    private DeniedNativeAccessMain() {
    }

    public static void main(String[] args) throws Exception {
        try (IoBackend io = IoBackends.forName("uring")) {
            System.out.println("backend=" + io.name());
        }
        try {
            UringBackend.open(new FileBackend()).close();
            System.out.println("refused=no");
        } catch (UringUnavailableException e) {
            System.out.println("refused=" + e.getMessage());
        }
    }
}
