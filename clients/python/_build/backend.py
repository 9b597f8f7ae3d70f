"""A minimal PEP 517 build backend: builds a pure-Python wheel of the ``prompt_manager`` package.

Why not setuptools: pip's isolated build would have to download it, and our machines reach no
package index. This backend uses the standard library only, so ``requires = []`` in
pyproject.toml and ``pip install ./clients/python`` works with no index at all.
"""

import base64
import hashlib
import os
import re
import tarfile
import zipfile
from typing import Dict, List, Optional, Tuple

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = "prompt_manager"


def _project() -> Dict[str, str]:
    # pyproject.toml is read with a regex for the three keys we use: tomllib is Python 3.11+ only.
    with open(os.path.join(ROOT, "pyproject.toml"), encoding="utf-8") as f:
        text = f.read()
    project = text.split("[project]", 1)[1]
    values = {}
    for key in ("name", "version", "description", "requires-python"):
        match = re.search(r'^%s\s*=\s*"([^"]*)"' % re.escape(key), project, re.M)
        if match:
            values[key] = match.group(1)
    return values


def _dist_name() -> str:
    return _project()["name"].replace("-", "_")


def _metadata() -> str:
    p = _project()
    lines = [
        "Metadata-Version: 2.1",
        "Name: %s" % p["name"],
        "Version: %s" % p["version"],
        "Summary: %s" % p.get("description", ""),
        "Requires-Python: %s" % p.get("requires-python", ">=3.9"),
        "Description-Content-Type: text/markdown",
        "",
    ]
    readme = os.path.join(ROOT, "README.md")
    body = open(readme, encoding="utf-8").read() if os.path.exists(readme) else ""
    return "\n".join(lines) + "\n" + body


def _wheel_name() -> str:
    return "%s-%s-py3-none-any.whl" % (_dist_name(), _project()["version"])


def _dist_info() -> str:
    return "%s-%s.dist-info" % (_dist_name(), _project()["version"])


def _record_line(path: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return "%s,sha256=%s,%d" % (path, digest, len(data))


def _package_files() -> List[Tuple[str, str]]:
    files = []
    base = os.path.join(ROOT, PACKAGE)
    for folder, _dirs, names in os.walk(base):
        if "__pycache__" in folder:
            continue
        for name in sorted(names):
            if name.endswith((".py", ".typed")):
                full = os.path.join(folder, name)
                files.append((full, os.path.relpath(full, ROOT).replace(os.sep, "/")))
    return files


def _write_wheel(wheel_directory: str, extra: Optional[List[Tuple[str, bytes]]] = None, editable: bool = False) -> str:
    name = _wheel_name()
    info = _dist_info()
    entries: List[Tuple[str, bytes]] = []
    if editable:
        # A .pth file puts this folder on sys.path: edits to the sources take effect without reinstalling.
        entries.append(("%s.pth" % _dist_name(), (ROOT + "\n").encode()))
    else:
        for full, arcname in _package_files():
            with open(full, "rb") as f:
                entries.append((arcname, f.read()))
    entries.append(("%s/METADATA" % info, _metadata().encode("utf-8")))
    wheel = "Wheel-Version: 1.0\nGenerator: prompt-manager-backend\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    entries.append(("%s/WHEEL" % info, wheel.encode()))
    entries.extend(extra or [])
    record = [_record_line(path, data) for path, data in entries] + ["%s/RECORD,," % info]
    with zipfile.ZipFile(os.path.join(wheel_directory, name), "w", zipfile.ZIP_DEFLATED) as zf:
        for path, data in entries:
            zf.writestr(path, data)
        zf.writestr("%s/RECORD" % info, "\n".join(record) + "\n")
    return name


# PEP 517 hooks.
def get_requires_for_build_wheel(config_settings=None):  # type: ignore[no-untyped-def]
    return []


def get_requires_for_build_sdist(config_settings=None):  # type: ignore[no-untyped-def]
    return []


def get_requires_for_build_editable(config_settings=None):  # type: ignore[no-untyped-def]
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):  # type: ignore[no-untyped-def]
    info = _dist_info()
    os.makedirs(os.path.join(metadata_directory, info), exist_ok=True)
    with open(os.path.join(metadata_directory, info, "METADATA"), "w", encoding="utf-8") as f:
        f.write(_metadata())
    return info


prepare_metadata_for_build_editable = prepare_metadata_for_build_wheel


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):  # type: ignore[no-untyped-def]
    return _write_wheel(wheel_directory)


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):  # type: ignore[no-untyped-def]
    return _write_wheel(wheel_directory, editable=True)


def build_sdist(sdist_directory, config_settings=None):  # type: ignore[no-untyped-def]
    base = "%s-%s" % (_dist_name(), _project()["version"])
    name = base + ".tar.gz"
    with tarfile.open(os.path.join(sdist_directory, name), "w:gz") as tar:
        for rel in ("pyproject.toml", "README.md", "_build/backend.py"):
            if os.path.exists(os.path.join(ROOT, rel)):
                tar.add(os.path.join(ROOT, rel), arcname="%s/%s" % (base, rel))
        for full, arcname in _package_files():
            tar.add(full, arcname="%s/%s" % (base, arcname))
        info = tarfile.TarInfo("%s/PKG-INFO" % base)
        data = _metadata().encode("utf-8")
        info.size = len(data)
        import io

        tar.addfile(info, io.BytesIO(data))
    return name
