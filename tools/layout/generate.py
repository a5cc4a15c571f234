#!/usr/bin/env python3
"""Writes the start-up order of edl's release binary: the functions and tables that everyday
commands touch, one symbol a line, for rust-lld's --symbol-ordering-file (build.rs passes it).

Why: the kernel maps a binary 64 KiB at a time around each page a process first touches, so
what a start costs in memory is how many 64 KiB stretches of the file it touches, not how many
bytes. Laid out as the compiler leaves it, `check` runs code in nearly every stretch of `.text`.

How: valgrind's lackey tool lists every instruction and data address a command touches; the
linker's map (EDL_LINK_MAP, see build.rs) names the input section at each address. Only
sections with a symbol can be ordered: anonymous constants (string literals) stay where they are.

    generate.py MAP BINARY OUT    trace BINARY, read MAP, write OUT and say what was touched
"""

import bisect
import os
import re
import struct
import subprocess
import sys

# The commands whose start-up is laid out, most important first: the benchmark's `check` (and
# its memory goal), then other everyday commands.
COMMANDS = [
    ["check", "成都", "--on", "2021-06-01", "--home", "成都", "-q"],
    ["check", "成都"],
    ["check", "chengdu", "--format", "json"],
    ["check", "昆山", "北京", "--on", "2022-01-01", "--format", "tsv"],
    ["check", "Sydney", "--home", "NSW"],
    ["show", "成都"],
]
# The environment each command sees: fixed, so that the file does not depend on who runs it.
ENV = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
CHUNK = 64 * 1024
# Where valgrind (amd64) loads a position-independent executable.
VALGRIND_BASE = 0x108000

# lld's map: "VMA LMA Size Align Out In Symbol". An input section is "vma lma size align
# file:(name)"; the symbols it defines follow it, indented further, demangled.
SECTION = re.compile(r"^\s*([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)\s+\d+\s+\S.*:\((\S+)\)$")
SYMBOL = re.compile(r"^\s*[0-9a-f]+\s+[0-9a-f]+\s+[0-9a-f]+\s+\d+\s+(\S+)$")


def is_orderable(section):
    """Whether the linker can place this section by a symbol in it: not the compiler's
    anonymous constants, nor merged strings and literals."""
    return section.startswith((".text", ".rodata.", ".data.rel.ro.")) and not section.startswith(
        (".rodata..L", ".rodata.str", ".rodata.cst", ".data.rel.ro..L")
    )


def symbol_of(section):
    """The symbol a section is named after, as rustc names a function's or a static's."""
    for prefix in (".text.unlikely.", ".text.hot.", ".text.", ".rodata.", ".data.rel.ro."):
        if section.startswith(prefix) and is_orderable(section):
            return section[len(prefix):] or None
    return None


def sections(map_path):
    """The input sections of the map, sorted by address: (start, size, name, symbol), where
    symbol is one that the section defines, or None."""
    found = []
    with open(map_path, encoding="utf-8", errors="replace") as lines:
        for line in lines:
            match = SECTION.match(line)
            if match:
                start, size = int(match[1], 16), int(match[2], 16)
                found.append([start, size, match[3], symbol_of(match[3])])
                continue
            # A section named after no symbol (a C object's `.text`): the first symbol in it.
            match = SYMBOL.match(line)
            if match and found and found[-1][3] is None and is_orderable(found[-1][2]):
                found[-1][3] = match[1]
    return sorted(tuple(section) for section in found if section[1])


def entry_point(binary):
    with open(binary, "rb") as elf:
        header = elf.read(64)
    if header[:4] != b"\x7fELF" or header[4] != 2:
        sys.exit(f"generate.py: {binary} is not a 64-bit ELF file")
    return struct.unpack_from("<Q", header, 24)[0]


def trace(binary, args):
    """Every address (instruction or data) the command touches, in first-touch order."""
    read, write = os.pipe()
    command = ["valgrind", "--tool=lackey", "--trace-mem=yes", f"--log-fd={write}", binary, *args]
    run = subprocess.Popen(
        command, pass_fds=[write], env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    os.close(write)
    seen, order = set(), []
    with os.fdopen(read, encoding="ascii", errors="replace") as log:
        for line in log:
            # "I  04001100,3", " L 0010f2a8,8", " S …", " M …": what, address, size
            fields = line.split()
            if len(fields) != 2 or line.startswith("=="):
                continue
            address = int(fields[1].split(",")[0], 16)
            if address not in seen:
                seen.add(address)
                order.append(address)
    if run.wait() not in (0, 1):
        sys.exit(f"generate.py: `edl {' '.join(args)}` under valgrind exited {run.returncode}")
    return order


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    map_path, binary, out = sys.argv[1:]
    table = sections(map_path)
    starts = [section[0] for section in table]
    entry = entry_point(binary)
    end = table[-1][0] + table[-1][1]

    # symbol -> (is code, the first command to touch it, its size, when it was first touched)
    symbols = {}
    touched = {True: set(), False: set()}
    unnamed = set()
    for number, args in enumerate(COMMANDS):
        addresses = trace(binary, args)
        # The offsets below would name the wrong sections unless the entry point ran here.
        if VALGRIND_BASE + entry not in addresses:
            sys.exit("generate.py: the entry point did not run at valgrind's usual load address")
        for address in addresses:
            offset = address - VALGRIND_BASE
            at = bisect.bisect_right(starts, offset) - 1
            if not 0 <= offset < end or at < 0 or offset >= table[at][0] + table[at][1]:
                continue
            _, size, name, symbol = table[at]
            code = name.startswith(".text")
            touched[code].add(offset // 4096)
            if symbol is None:
                unnamed.add(name)
            elif symbol not in symbols:
                symbols[symbol] = (code, number, size, len(symbols))

    # Code in the order it first runs, so that each command's start-up is one stretch. Tables
    # by the first command to read them, then smallest first: small tables share stretches,
    # and a large one, of which a lookup reads a page or two, is not between them.
    def place(symbol):
        code, number, size, first = symbols[symbol]
        return (0, first) if code else (1, number, size, first)

    with open(out, "w", encoding="utf-8") as file:
        file.write("# Written by tools/layout/regen: the symbols edl's start-up touches, in the\n")
        file.write("# order rust-lld is to lay them out (--symbol-ordering-file). Do not edit.\n")
        for symbol in sorted(symbols, key=place):
            file.write(symbol + "\n")
    for code, pages in touched.items():
        stretches = {page * 4096 // CHUNK for page in pages}
        what = "code" if code else "data"
        print(f"{what}: {len(pages) * 4} KiB in 4 KiB pages, over {len(stretches)} stretches of 64 KiB")
    print(f"{len(symbols)} symbols ordered; {len(unnamed)} sections without a symbol left in place")


if __name__ == "__main__":
    main()
