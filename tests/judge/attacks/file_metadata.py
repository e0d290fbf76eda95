# expect: ok
# check: set(result.values()) == {"blocked"} and len(result) == 5
# Landlock decides what may be opened, not what may be chmod-ed: the data dir and the user's
# files (~/.ssh, the database) must keep their permissions, times and attributes.
import os

result = {}
target = CONTEXT["secret_file"]
for name, attempt in (("chmod", lambda: os.chmod(target, 0o777)),
                      ("utime", lambda: os.utime(target, (0, 0))),
                      ("setxattr", lambda: os.setxattr(target, "user.pwned", b"1")),
                      ("chown", lambda: os.chown(target, os.getuid(), os.getgid()))):
    try:
        attempt()
        result[name] = "LEAKED"
    except OSError:
        result[name] = "blocked"
with open("mine.txt", "w") as handle:  # even its own work dir: nothing needs chmod
    handle.write("x")
try:
    os.chmod("mine.txt", 0o777)
    result["chmod_own"] = "allowed"
except OSError:
    result["chmod_own"] = "blocked"
