/**
 * WASI preview1 ({@code wasi_snapshot_preview1}) for the engine: every function of the snapshot,
 * implemented over the JDK's file, stream and clock APIs.
 *
 * <p>Configure what a program sees with {@link io.wasmspring.engine.wasi.WasiConfig} (args, env,
 * standard streams, preopened directories, clock, randomness), link it with
 * {@link io.wasmspring.engine.wasi.Wasi#addTo} or {@link io.wasmspring.engine.wasi.WasiPreview1#addTo},
 * and run a command with {@link io.wasmspring.engine.wasi.WasiCommand}, which turns {@code proc_exit}
 * ({@link io.wasmspring.engine.wasi.WasiExitException}) into an exit code.
 *
 * <p>The functions come in families, one class each: arguments and environment, clocks and
 * randomness, descriptor operations ({@code fd_*}), path operations ({@code path_*}), polling,
 * process control and sockets. Each handler works on the caller's {@link io.wasmspring.engine.Memory}
 * and returns an {@link io.wasmspring.engine.wasi.Errno}; nothing the guest passes can make it throw
 * anything but {@code proc_exit}'s exit.
 *
 * <p>Sandbox: a guest reaches host files only through its preopens. {@code PathResolver} walks every
 * path one component at a time, refusing absolute paths and {@code ..} above the directory
 * ({@code perm}) and resolving every symbolic link itself by the same rules, so links (including
 * ones the guest made) cannot lead out; hard links and renames work on resolved paths only.
 * Because the host may follow links the guest leaves behind, {@code SymlinkTargets} also refuses
 * to make or move a link whose text would climb above its preopen ({@code perm}): by
 * {@code path_symlink}, by renaming the link, by renaming a directory that holds it, or by a hard
 * link to the link itself. At the root of a preopen, {@code fd_readdir} reports {@code ..} as the
 * root itself.
 * Read-only preopens lack every right that changes the file system ({@code notcapable}).
 * A program holds at most {@link io.wasmspring.engine.wasi.WasiConfig#maxOpenDescriptors()}
 * descriptors at once ({@code mfile} past it), and a preopen given no guest path is named after
 * its directory, never after its host path.
 * Programs sharing directories (a pool of instances, or preopens that nest) cannot race a check
 * against its use: every call that resolves a path holds {@code NamespaceLock}'s read lock from
 * the check to the use, every call that changes the tree its write lock, one lock per JVM.
 * Known limit: the JVM has no {@code openat}, so a tree changed concurrently by a process outside
 * the JVM between resolution and use is only partly defended: the parent is re-checked just
 * before use, and an opened file or directory is checked to lie under its preopen afterwards
 * ({@code perm}, and closed, if not).
 */
package io.wasmspring.engine.wasi;
