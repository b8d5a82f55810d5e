package dev.panamax.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Backend selection by name and property, and the io_uring fallback. */
class IoBackendsTest {

    @Test
    void namesPickBackends() throws IOException {
        for (String name : new String[] {"mmap", "memory", " MMAP "}) {
            try (IoBackend io = IoBackends.forName(name)) {
                assertEquals(name.trim().toLowerCase(), io.name());
            }
        }
        try (IoBackend io = IoBackends.forName("uring")) {
            assertTrue(io.name().equals("uring") || io.name().equals("mmap"), io.name());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IoBackends.forName("nfs"));
        assertTrue(e.getMessage().contains("mmap, uring or memory"), e.getMessage());
    }

    @Test
    void aRefusedUringProbeFallsBackToMmapAndSaysWhy() {
        FileBackend files = new FileBackend();
        IoBackends.Choice choice = IoBackends.uringOrFallback(files, f -> {
            throw new IOException("io_uring_setup refused: EPERM (errno 1)");
        });
        assertSame(files, choice.backend());
        assertEquals("mmap", choice.backend().name());
        assertTrue(choice.note().contains("EPERM"), choice.note());
        assertTrue(choice.fallback());
    }

    @Test
    void anAcceptedUringProbeIsUsed() throws IOException {
        FileBackend files = new FileBackend();
        IoBackend fake = new dev.panamax.io.memory.MemoryFileSystem(1);
        IoBackends.Choice choice = IoBackends.uringOrFallback(files, f -> fake);
        assertSame(fake, choice.backend());
        assertNull(choice.note());
        assertFalse(choice.fallback());
    }

    @Test
    void anUnknownPropertyValueMeansMmapAndSaysSo() {
        IoBackends.Choice choice = IoBackends.choose("nfs");
        assertEquals("mmap", choice.backend().name());
        assertTrue(choice.note().contains("unknown panamax.io backend 'nfs'"), choice.note());
        assertTrue(choice.fallback());
        assertEquals("memory", IoBackends.choose("memory").backend().name());
        assertEquals("mmap", IoBackends.choose(null).backend().name());
    }

    @Test
    void theProcessWideChoiceIsMadeOnceAndFollowsTheProperty() {
        IoBackend first = IoBackends.select();
        assertSame(first, IoBackends.select());
        String forced = System.getProperty(IoBackends.PROPERTY);
        if (forced == null || forced.equals("mmap")) {
            assertEquals("mmap", first.name());
        } else if (forced.equals("memory")) {
            assertEquals("memory", first.name());
        } else if (forced.equals("uring") && !Boolean.getBoolean("panamax.io.allowFallback")) {
            assertEquals("uring", first.name(), "io_uring was asked for and fell back (the log line says why); "
                    + "-Dpanamax.io.allowFallback=true accepts that");
        }
    }
}
