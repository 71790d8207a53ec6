package io.wasmspring.engine.wasi;

/** The small enumerations and flag sets of WASI preview1, as numbered in the witx. */
final class Flags {

    // filetype
    static final int FILETYPE_UNKNOWN = 0;
    static final int FILETYPE_BLOCK_DEVICE = 1;
    static final int FILETYPE_CHARACTER_DEVICE = 2;
    static final int FILETYPE_DIRECTORY = 3;
    static final int FILETYPE_REGULAR_FILE = 4;
    static final int FILETYPE_SOCKET_DGRAM = 5;
    static final int FILETYPE_SOCKET_STREAM = 6;
    static final int FILETYPE_SYMBOLIC_LINK = 7;

    // fdflags
    static final int FDFLAGS_APPEND = 1;
    static final int FDFLAGS_DSYNC = 2;
    static final int FDFLAGS_NONBLOCK = 4;
    static final int FDFLAGS_RSYNC = 8;
    static final int FDFLAGS_SYNC = 16;
    static final int FDFLAGS_ALL = 31;

    // oflags
    static final int OFLAGS_CREAT = 1;
    static final int OFLAGS_DIRECTORY = 2;
    static final int OFLAGS_EXCL = 4;
    static final int OFLAGS_TRUNC = 8;

    // lookupflags
    static final int LOOKUP_SYMLINK_FOLLOW = 1;

    // fstflags
    static final int FST_ATIM = 1;
    static final int FST_ATIM_NOW = 2;
    static final int FST_MTIM = 4;
    static final int FST_MTIM_NOW = 8;

    // whence
    static final int WHENCE_SET = 0;
    static final int WHENCE_CUR = 1;
    static final int WHENCE_END = 2;

    // clockid
    static final int CLOCK_REALTIME = 0;
    static final int CLOCK_MONOTONIC = 1;
    static final int CLOCK_PROCESS_CPUTIME = 2;
    static final int CLOCK_THREAD_CPUTIME = 3;

    // eventtype
    static final int EVENTTYPE_CLOCK = 0;
    static final int EVENTTYPE_FD_READ = 1;
    static final int EVENTTYPE_FD_WRITE = 2;

    // subclockflags
    static final int SUBCLOCK_ABSTIME = 1;

    // eventrwflags
    static final int EVENT_FD_READWRITE_HANGUP = 1;

    // advice: normal .. noreuse
    static final int ADVICE_MAX = 5;

    // preopentype
    static final int PREOPENTYPE_DIR = 0;

    private Flags() {
    }
}
