/**
 * The io_uring backend: {@link dev.panamax.io.uring.UringBackend}, by raw {@code io_uring_setup}/{@code enter}/
 * {@code register} syscalls through libc's {@code syscall} over FFM (no JNI, no liburing), rings mapped into
 * segments. Used for batches (read-ahead in scans, vector scans, checkpoints); single requests work too.
 *
 * <p>Invariants: a ring is used by one thread at a time (a pool lends rings; there are none per file); a batch
 * returns or throws only once the kernel has completed every request it submitted, so the caller's buffers are
 * free again; short transfers are resubmitted for their remainder and {@code -EAGAIN}/{@code -EINTR} whole; a
 * descriptor named by a request in flight is never closed. Requests the ring cannot take (heap buffers, no ring to
 * lend) go to the positional path of the mapped file beside each ring file.
 *
 * <p>Mirrors the kernel's uapi {@code include/uapi/linux/io_uring.h} and the io_uring(7), io_uring_setup(2),
 * io_uring_enter(2) and io_uring_register(2) manual pages.
 */
package dev.panamax.io.uring;
