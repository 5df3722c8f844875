"""Notice edits to knowledge/ by polling file stamps: no extra dependency, works on every filesystem."""

from __future__ import annotations

from pathlib import Path

Stamp = tuple[tuple[str, int, int], ...]


def stamp(directory: Path) -> Stamp:
    """Name, size and mtime of every YAML file; changes when any is added, removed or edited."""
    try:
        files = sorted(p for p in directory.iterdir() if p.suffix in {".yaml", ".yml"})
    except OSError:
        return ()
    out = []
    for p in files:
        try:
            st = p.stat()
        except OSError:
            continue
        out.append((p.name, st.st_size, st.st_mtime_ns))
    return tuple(out)


class Watcher:
    """`changed()` is true once after each edit of the directory."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._last = stamp(directory)

    def changed(self) -> bool:
        now = stamp(self.directory)
        if now == self._last:
            return False
        self._last = now
        return True
