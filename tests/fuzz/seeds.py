#!/usr/bin/env python3
"""Seed inputs for the fuzzers (tests/fuzz/run).

  seeds.py tests OUT_DIR TEST.c...
      writes the inputs the importer tests use, one file each: every run of
      adjacent C string literals (with the string macros the file defines,
      such as TT_OPEN) of at least MIN_BYTES bytes
  seeds.py each-importer N IN_DIR OUT_DIR
      writes each file of IN_DIR N times, behind each first byte 0 … N-1:
      import-as gives the rest to the importer that byte picks
"""
import hashlib
import os
import re
import sys

MIN_BYTES = 24

TOKEN = re.compile(r'''
    (?P<comment>/\*.*?\*/|//[^\n]*)
  | (?P<string>"(?:[^"\\\n]|\\.)*")
  | (?P<char>'(?:[^'\\\n]|\\.)+')
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<space>\s+)
  | (?P<other>.)
''', re.S | re.X)


def decode(literal):
    """The bytes of a C string literal, without its quotes."""
    out = bytearray()
    s = literal[1:-1]
    i = 0
    while i < len(s):
        c = s[i]
        if c != '\\':
            out += c.encode('utf-8')
            i += 1
            continue
        e = s[i + 1]
        i += 2
        simple = {'n': 10, 't': 9, 'r': 13, '"': 34, '\\': 92, "'": 39,
                  'a': 7, 'b': 8, 'f': 12, 'v': 11, '?': 63}
        if e in simple:
            out.append(simple[e])
        elif e == 'x':
            j = i
            while j < len(s) and s[j] in '0123456789abcdefABCDEF':
                j += 1
            out.append(int(s[i:j], 16) & 0xFF)
            i = j
        elif e in '01234567':
            j = i - 1
            while j < len(s) and j < i + 2 and s[j] in '01234567':
                j += 1
            out.append(int(s[i - 1:j], 8) & 0xFF)
            i = j
        else:
            out += e.encode('utf-8')
    return bytes(out)


def literals(path):
    text = open(path, encoding='utf-8').read()
    # string macros: #define NAME "..." "..." (continued lines joined)
    macros = {}
    joined = text.replace('\\\n', ' ')
    for m in re.finditer(r'^#define\s+(\w+)\s+((?:"(?:[^"\\\n]|\\.)*"\s*)+)$', joined, re.M):
        macros[m.group(1)] = b''.join(decode(x) for x in re.findall(r'"(?:[^"\\\n]|\\.)*"', m.group(2)))
    run = []
    for m in TOKEN.finditer(text):
        kind = m.lastgroup
        if kind in ('comment', 'space'):
            continue
        if kind == 'string':
            run.append(decode(m.group()))
        elif kind == 'name' and m.group() in macros:
            run.append(macros[m.group()])
        else:
            if run:
                yield b''.join(run)
            run = []
    if run:
        yield b''.join(run)


def each_importer(n, in_dir, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    for name in os.listdir(in_dir):
        with open(os.path.join(in_dir, name), 'rb') as f:
            data = f.read()
        for i in range(n):
            with open(os.path.join(out_dir, '%d-%s' % (i, name)), 'wb') as f:
                f.write(bytes([i]) + data)


def main():
    if sys.argv[1] == 'each-importer':
        each_importer(int(sys.argv[2]), sys.argv[3], sys.argv[4])
        return
    out_dir = sys.argv[2]
    os.makedirs(out_dir, exist_ok=True)
    n = 0
    for path in sys.argv[3:]:
        for data in literals(path):
            if len(data) < MIN_BYTES or data.startswith(b"/core/"):
                continue
            name = hashlib.sha1(data).hexdigest()[:16]
            with open(os.path.join(out_dir, 'test-' + name), 'wb') as f:
                f.write(data)
            n += 1
    print(n)


main()
