"""Landlock through raw syscalls 444-446: files, TCP and signal/abstract-socket scoping."""

from __future__ import annotations

import ctypes
import os

from app.judge.sandbox.linux import syscall

_CREATE_RULESET, _ADD_RULE, _RESTRICT_SELF = 444, 445, 446
_CREATE_RULESET_VERSION = 1
_RULE_PATH_BENEATH = 1

# Filesystem rights, by the ABI that introduced them.
EXECUTE, WRITE_FILE, READ_FILE, READ_DIR = 1 << 0, 1 << 1, 1 << 2, 1 << 3
REMOVE_DIR, REMOVE_FILE, MAKE_CHAR, MAKE_DIR = 1 << 4, 1 << 5, 1 << 6, 1 << 7
MAKE_REG, MAKE_SOCK, MAKE_FIFO, MAKE_BLOCK, MAKE_SYM = 1 << 8, 1 << 9, 1 << 10, 1 << 11, 1 << 12
REFER, TRUNCATE, IOCTL_DEV = 1 << 13, 1 << 14, 1 << 15
_FS_BY_ABI = {1: (1 << 13) - 1, 2: (1 << 14) - 1, 3: (1 << 15) - 1, 5: (1 << 16) - 1}
NET_BIND_TCP, NET_CONNECT_TCP = 1 << 0, 1 << 1  # ABI 4
SCOPE_ABSTRACT_UNIX_SOCKET, SCOPE_SIGNAL = 1 << 0, 1 << 1  # ABI 6

READ_ONLY = READ_FILE | READ_DIR
# The work dir: read, write, create and delete files and dirs. Not granted: EXECUTE (nothing
# runs from it), MAKE_SYM (the supervisor must never be led elsewhere by a link), devices,
# sockets and fifos (no rendezvous points), REFER (no moving files across rule boundaries).
READ_WRITE = (READ_ONLY | WRITE_FILE | REMOVE_DIR | REMOVE_FILE | MAKE_DIR | MAKE_REG
              | TRUNCATE)


class _RulesetAttr(ctypes.Structure):
    _fields_ = [("handled_access_fs", ctypes.c_uint64), ("handled_access_net", ctypes.c_uint64),
                ("scoped", ctypes.c_uint64)]


class _PathBeneathAttr(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


def abi_version() -> int:
    """The kernel's Landlock ABI, 0 when Landlock is missing or disabled."""
    try:
        return syscall(_CREATE_RULESET, None, ctypes.c_size_t(0),
                       ctypes.c_uint32(_CREATE_RULESET_VERSION))
    except OSError:
        return 0


def _fs_rights(abi: int) -> int:
    return _FS_BY_ABI[max(k for k in _FS_BY_ABI if k <= abi)]


class Ruleset:
    """Built while still privileged (O_PATH fds need it); `enforce()` after NO_NEW_PRIVS."""

    def __init__(self, abi: int, read_write: list[str], read_only: list[str]) -> None:
        self.abi = abi
        handled_fs = _fs_rights(abi)
        attr = _RulesetAttr(handled_fs, 0, 0)
        size = 8  # ABI 1-3 know only filesystem rights
        if abi >= 4:
            attr.handled_access_net = NET_BIND_TCP | NET_CONNECT_TCP  # no TCP bind/connect at all
            size = 16
        if abi >= 6:
            # signals and abstract UNIX sockets only within this sandbox's own domain
            attr.scoped = SCOPE_ABSTRACT_UNIX_SOCKET | SCOPE_SIGNAL
            size = 24
        self._fd = syscall(_CREATE_RULESET, ctypes.byref(attr), ctypes.c_size_t(size),
                           ctypes.c_uint32(0))
        try:
            for path in read_write:
                self._allow(path, READ_WRITE & handled_fs)
            for path in read_only:
                self._allow(path, READ_ONLY)
        except BaseException:
            os.close(self._fd)
            raise

    def _allow(self, path: str, rights: int) -> None:
        fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
        try:
            rule = _PathBeneathAttr(rights, fd)
            syscall(_ADD_RULE, self._fd, _RULE_PATH_BENEATH, ctypes.byref(rule), ctypes.c_uint32(0))
        finally:
            os.close(fd)

    def enforce(self) -> None:
        try:
            syscall(_RESTRICT_SELF, self._fd, ctypes.c_uint32(0))
        finally:
            os.close(self._fd)
