"""What a file's metadata says about whether it changed since it was read.

Size and modification time alone miss a rewrite of the same size within one tick of the
file system's clock, and a file renamed over another (its time can be older than the
one it replaces). The change time and the inode catch both on local disks; where they
do not either (coarse times, no inodes: some network and FUSE mounts), a file read
within RACY_NS of its modification time is "racy" (git's word for the same problem)
and is compared by the digest of its bytes once that time is safely past.
"""

from __future__ import annotations

import os
from typing import NamedTuple


class Signature(NamedTuple):
    size: int
    mtime_ns: int
    inode: int
    ctime_ns: int


#: the coarsest file times in use (FAT's 2 s), and a margin for clocks that disagree
RACY_NS = 2_500_000_000


def signature(st: os.stat_result) -> Signature:
    return Signature(st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns)


def is_racy(mtime_ns: int, read_at: float) -> bool:
    """Read so soon after its time (`read_at` in seconds) that a rewrite within the same
    tick would leave the signature as it was."""
    return read_at * 1e9 - mtime_ns < RACY_NS
