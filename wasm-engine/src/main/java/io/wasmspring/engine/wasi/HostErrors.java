package io.wasmspring.engine.wasi;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;

/** Maps the JVM's file-system exceptions to the errno a POSIX host would have given. */
final class HostErrors {

    private HostErrors() {
    }

    static int errno(IOException e) {
        if (e instanceof NoSuchFileException) {
            return Errno.NOENT;
        }
        if (e instanceof FileAlreadyExistsException) {
            return Errno.EXIST;
        }
        if (e instanceof DirectoryNotEmptyException) {
            return Errno.NOTEMPTY;
        }
        if (e instanceof NotDirectoryException) {
            return Errno.NOTDIR;
        }
        if (e instanceof NotLinkException) {
            return Errno.INVAL;
        }
        if (e instanceof FileSystemLoopException) {
            return Errno.LOOP;
        }
        String reason = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() : String.valueOf(e.getMessage());
        if (reason.contains("Is a directory")) {
            return Errno.ISDIR;
        }
        if (reason.contains("Not a directory")) {
            return Errno.NOTDIR;
        }
        if (reason.contains("Too many levels of symbolic links")) {
            return Errno.LOOP;
        }
        if (reason.contains("Directory not empty")) {
            return Errno.NOTEMPTY;
        }
        if (reason.contains("Operation not permitted")) {
            return Errno.PERM;
        }
        if (reason.contains("Read-only file system")) {
            return Errno.ROFS;
        }
        if (reason.contains("Invalid argument")) {
            return Errno.INVAL;
        }
        if (reason.contains("No space left")) {
            return Errno.NOSPC;
        }
        if (reason.contains("File too large")) {
            return Errno.FBIG;
        }
        if (reason.contains("Invalid cross-device link")) {
            return Errno.XDEV;
        }
        if (reason.contains("File exists")) {
            return Errno.EXIST;
        }
        if (reason.contains("Too many links")) {
            return Errno.MLINK;
        }
        if (reason.contains("File name too long")) {
            return Errno.NAMETOOLONG;
        }
        if (reason.contains("No such file")) {
            return Errno.NOENT;
        }
        if (e instanceof AccessDeniedException || reason.contains("Permission denied")) {
            return Errno.ACCES;
        }
        return Errno.IO;
    }
}
