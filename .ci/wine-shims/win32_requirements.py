"""Linux pip installing win_amd64 wheels with --target evaluates environment markers for
Linux, so dependencies marked ``; sys_platform == "win32"`` (colorama, pywin32-ctypes,
pefile …) are left out. Print those of the installed packages, one per line."""

import email
import glob
import re
import sys

from pip._vendor.packaging.requirements import Requirement
from pip._vendor.packaging.utils import canonicalize_name as canon

site = sys.argv[1]
env = {
    "sys_platform": "win32",
    "platform_system": "Windows",
    "os_name": "nt",
    "extra": "",
    "python_version": "3.13",
    "python_full_version": "3.13.0",
    "platform_machine": "AMD64",
}
have = {
    canon(re.sub(r"-[^-]+\.dist-info$", "", p.replace("\\", "/").split("/")[-1]))
    for p in glob.glob(f"{site}/*.dist-info")
}
wanted = set()
for meta in glob.glob(f"{site}/*.dist-info/METADATA"):
    with open(meta, encoding="utf-8") as fh:
        for line in email.message_from_string(fh.read()).get_all("Requires-Dist") or []:
            req = Requirement(line)
            if req.marker and req.marker.evaluate(env) and canon(req.name) not in have:
                wanted.add(req.name + str(req.specifier))
print("\n".join(sorted(wanted)))
