package dev.panamax.io.uring;

/** Linux errno values the backend reacts to, and readable names for messages (asm-generic/errno*.h). */
final class Errno {
    static final int EPERM = 1;
    static final int EINTR = 4;
    static final int EAGAIN = 11;
    static final int EBUSY = 16;
    static final int EINVAL = 22;
    static final int ENOSYS = 38;

    private static final String[] NAMES = new String[134];

    static {
        String[][] known = {
            {"1", "EPERM"}, {"2", "ENOENT"}, {"4", "EINTR"}, {"5", "EIO"}, {"6", "ENXIO"}, {"9", "EBADF"},
            {"11", "EAGAIN"}, {"12", "ENOMEM"}, {"13", "EACCES"}, {"14", "EFAULT"}, {"16", "EBUSY"},
            {"17", "EEXIST"}, {"21", "EISDIR"}, {"22", "EINVAL"}, {"23", "ENFILE"}, {"24", "EMFILE"},
            {"27", "EFBIG"}, {"28", "ENOSPC"}, {"30", "EROFS"}, {"38", "ENOSYS"}, {"95", "EOPNOTSUPP"},
            {"122", "EDQUOT"}, {"125", "ECANCELED"},
        };
        for (String[] k : known) {
            NAMES[Integer.parseInt(k[0])] = k[1];
        }
    }

    private Errno() {
    }

    /** {@code "EIO (errno 5)"}, or {@code "errno 77"} for a value without a name here. */
    static String describe(int errno) {
        String name = errno > 0 && errno < NAMES.length ? NAMES[errno] : null;
        return name == null ? "errno " + errno : name + " (errno " + errno + ")";
    }
}
