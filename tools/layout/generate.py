#!/usr/bin/env python3
"""Writes the start-up order of edl's release binary: the functions and tables that everyday
commands touch, one symbol a line, for rust-lld's --symbol-ordering-file (build.rs passes it).

Why: the kernel maps a binary 64 KiB at a time around each page a process first touches, so
what a start costs in memory is how many 64 KiB stretches of the file it touches, not how many
bytes. Laid out as the compiler leaves it, `check` runs code in nearly every stretch of `.text`.

How: valgrind's lackey tool lists every instruction and data address a command touches; the
linker's map (EDL_LINK_MAP, see build.rs) names the input section at each address. Only
sections that define a symbol can be ordered: the compiler's anonymous constants (string
literals, jump tables) stay where they are.

    generate.py MAP BINARY OUT    trace BINARY, read MAP, write OUT and say what was touched
"""

import bisect
import os
import re
import struct
import subprocess
import sys

# The commands whose start-up is laid out, most important first: the benchmark's `check` (and
# its memory goal), then other everyday commands. Each has a fixed date, so that what they run
# does not change with the day they are traced (a year after the data, a note is added).
COMMANDS = [
    ["check", "成都", "--on", "2021-06-01", "--home", "成都", "-q"],
    ["check", "成都", "--on", "2022-01-01"],
    ["check", "chengdu", "--on", "2022-01-01", "--format", "json"],
    ["check", "昆山", "北京", "--on", "2022-01-01", "--format", "tsv"],
    ["check", "Sydney", "--home", "NSW", "--on", "2026-01-01"],
    ["show", "成都", "--on", "2022-01-01"],
]
# The environment each command sees: fixed, so that the file does not depend on who runs it.
ENV = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
CHUNK = 64 * 1024
# Where valgrind (amd64) loads a position-independent executable.
VALGRIND_BASE = 0x108000

# lld's map (written with --no-demangle): "VMA LMA Size Align Out In Symbol", each column 8
# more spaces in: an output section, then its input sections ("file:(name)"), each followed by
# the symbols it defines.
LINE = re.compile(r"^\s*([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)\s+\d+( +)(\S.*)$")
INPUT_SECTION = re.compile(r"^.*:\((\S+)\)$")


def sections(map_path):
    """The input sections of the map, sorted by address: (start, size, name, symbol), where
    symbol is the first one the section defines (what the linker can order it by), or None;
    and the address of `_start`."""
    found, start_symbol, column = [], None, None
    with open(map_path, encoding="utf-8", errors="replace") as lines:
        for line in lines:
            match = LINE.match(line)
            if not match:
                continue
            address, size, indent, rest = int(match[1], 16), int(match[2], 16), len(match[3]), match[4]
            section = INPUT_SECTION.match(rest)
            if section:
                column = indent
                found.append([address, size, section[1], None])
            elif column is not None and indent > column and found:
                # A symbol of the last input section: the first one names it.
                if found[-1][3] is None:
                    found[-1][3] = rest
                if rest == "_start":
                    start_symbol = address
    return sorted(tuple(section) for section in found if section[1]), start_symbol


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
    table, start_symbol = sections(map_path)
    starts = [section[0] for section in table]
    entry = entry_point(binary)
    end = table[-1][0] + table[-1][1]
    if start_symbol != entry:
        sys.exit(f"generate.py: {map_path} is not the map of {binary} (its _start is elsewhere)")

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

    rustc = subprocess.run(["rustc", "--version"], capture_output=True, text=True, check=True)
    with open(out, "w", encoding="utf-8") as file:
        file.write("# Written by tools/layout/regen: the symbols edl's start-up touches, in the\n")
        file.write("# order the linker is to lay them out (--symbol-ordering-file). Do not edit.\n")
        file.write(f"# {rustc.stdout.strip()}\n")
        for symbol in sorted(symbols, key=place):
            file.write(symbol + "\n")
    for code, pages in touched.items():
        stretches = {page * 4096 // CHUNK for page in pages}
        what = "code" if code else "data"
        print(f"{what}: {len(pages) * 4} KiB in 4 KiB pages, over {len(stretches)} stretches of 64 KiB")
    print(f"{len(symbols)} symbols ordered; {len(unnamed)} sections without a symbol left in place")


if __name__ == "__main__":
    main()
