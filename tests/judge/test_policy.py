"""The sandbox policy is data: check what it allows without starting a process."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from app.judge.sandbox.policy import (
    DEFAULT_PROTECTED_PATHS,
    PROJECT_ROOT,
    SandboxPolicy,
    python_library_paths,
)

POLICY = SandboxPolicy()
DENIED = {rule.name: rule for rule in POLICY.denied_syscalls}


@pytest.mark.parametrize("family", [
    ("socket", "socketpair", "connect", "bind", "listen", "accept", "accept4"),  # network
    ("execve", "execveat"),  # new programs
    ("fork", "vfork", "clone", "clone3"),  # new processes
    ("ptrace", "process_vm_readv", "process_vm_writev"),  # other processes' memory
    ("kill", "tkill", "tgkill", "pidfd_send_signal"),  # signals
    ("unshare", "setns", "mount", "pivot_root", "chroot"),  # namespaces and mounts
    ("bpf", "io_uring_setup", "io_uring_enter", "userfaultfd", "perf_event_open"),  # kernel
    ("setuid", "setresuid", "setgid", "setresgid", "setgroups"),  # identity
    ("keyctl", "add_key", "memfd_create"),
])
def test_every_dangerous_family_is_denied(family):
    assert set(family) <= set(DENIED)


def test_only_harmless_uses_are_allowed_back():
    exceptions = {name: rule.allow_if for name, rule in DENIED.items() if rule.allow_if}
    assert exceptions == {"clone": "thread", "kill": "self", "tgkill": "self",
                          "rt_sigqueueinfo": "self", "rt_tgsigqueueinfo": "self",
                          "prlimit64": "arg0_zero", "sched_setaffinity": "arg0_zero",
                          "sched_setscheduler": "arg0_zero", "sched_setparam": "arg0_zero",
                          "sched_setattr": "arg0_zero", "setpriority": "arg1_zero",
                          "ioprio_set": "arg1_zero", "prctl": "not_pdeathsig"}


def test_clone3_fails_with_enosys_so_glibc_falls_back_to_clone():
    assert DENIED["clone3"].errno == "ENOSYS"


def test_every_rule_says_why():
    assert all(len(rule.why.strip()) >= 8 for rule in POLICY.denied_syscalls)
    assert len(DENIED) == len(POLICY.denied_syscalls)  # no duplicates


def test_only_the_python_libraries_are_readable_by_default():
    assert POLICY.readable_paths == python_library_paths()
    assert POLICY.readable_paths and all("site-packages" in p or "python3" in p
                                         for p in POLICY.readable_paths)
    for readable in POLICY.readable_paths:  # the policy refuses an overlap at construction too
        assert not any(Path(readable).resolve().is_relative_to(Path(protected).resolve())
                       for protected in DEFAULT_PROTECTED_PATHS)


@pytest.mark.parametrize("name", ["data", "questions", "app", "tests"])
def test_project_secrets_and_source_are_protected(name):
    assert str(PROJECT_ROOT / name) in DEFAULT_PROTECTED_PATHS


@pytest.mark.parametrize("path", [
    PROJECT_ROOT / "data",
    PROJECT_ROOT / "data" / "app.sqlite3",
    PROJECT_ROOT / "questions" / "resnet-bottleneck",
    PROJECT_ROOT / "app" / "judge",
    PROJECT_ROOT,  # a parent of a protected dir exposes it too
    Path("/"),
])
def test_a_protected_path_can_never_become_readable(path):
    with pytest.raises(ValueError, match="protected"):
        SandboxPolicy(readable_paths=(str(path),))


def test_a_custom_data_dir_is_protected(tmp_path):
    data_dir = tmp_path / "data"
    with pytest.raises(ValueError, match="protected"):
        SandboxPolicy(readable_paths=(str(tmp_path),),
                      protected_paths=(*DEFAULT_PROTECTED_PATHS, str(data_dir)))


def test_python_libraries_may_be_granted_read_only():
    paths = python_library_paths()
    assert paths
    SandboxPolicy(readable_paths=paths)  # does not overlap the app, data or questions


def test_limits_are_sane():
    assert 1 <= POLICY.cpu_s <= POLICY.wall_s <= 60
    assert 256 << 20 <= POLICY.memory_bytes <= 4 << 30
    assert POLICY.fsize_bytes <= 16 << 20
    assert 8 <= POLICY.nofile <= 256
    assert 4 <= POLICY.nproc <= 128
    assert POLICY.output_cap <= 64 * 1024
    assert POLICY.payload_cap <= 64 << 20
    assert POLICY.uid_base >= 1000  # never a system account


@pytest.mark.parametrize("field", ["cpu_s", "memory_bytes", "nproc", "payload_cap"])
def test_non_positive_limits_are_rejected(field):
    with pytest.raises(ValueError):
        dataclasses.replace(POLICY, **{field: 0})


def test_policy_round_trips_through_json():
    policy = SandboxPolicy(cpu_s=3, readable_paths=python_library_paths())
    assert SandboxPolicy.from_json(policy.to_json()) == policy
