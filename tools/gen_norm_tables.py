#!/usr/bin/env python3
"""gen_norm_tables.py — the per-character map of src/core/normalize.c
(issue 16): writes src/core/norm_tables.h.

    tools/gen_norm_tables.py > src/core/norm_tables.h

Run at development time only (the generated header is committed; the
build never needs Python).  Inputs: Python's unicodedata (its Unicode
version is written into the header), tools/data/EquivalentUnifiedIdeograph-2E80.txt
(CJK Radicals Supplement -> unified ideographs) and src/core/t2s_table.h
(traditional -> simplified, from tools/gen_t2s.py).

For every code point c the steps of normalize.h are applied in order:
 (a) compatibility: CJK Radicals Supplement by the Unicode table, anything
     else by NFKD; then combining marks (Mn, Me) are dropped and the rest
     recomposed by NFC (which only rejoins Hangul syllables and a few
     two-part spacing vowel signs, marks being gone);
 (b) case: str.lower() of each character;
 (c) removal: white space (Z*), controls (Cc), format characters (Cf),
     combining marks (Mn, Me: variation selectors among them),
     punctuation (P*), symbols (S*), and the default-ignorable fillers
     U+115F U+1160 U+3164 U+FFA0;
 (d) traditional -> simplified by t2s_table.h;
and the whole is repeated on each resulting character until nothing
changes, so the map is idempotent (checked below).  Surrogates never
occur (the input is validated).  Unassigned code points map to
themselves.

Issue 16 red team additions: (b') after case, Latin look-alikes of
Cyrillic and Greek letters (а е о р с х у і ј ѕ … α ο ρ ν …) and the
negative circled/squared and regional-indicator letters (🅰 🄰 🇦) become
the Latin letter (a4纸 spelt with Cyrillic а or 🅰 still reads a4纸; the
dictionary has no Cyrillic or Greek phrase); (c') modifier letters (Lm:
ー U+30FC, ـ U+0640 tatweel, ː U+02D0, 々 U+3005 …) that survive NFKD and
private-use code points (Co: they render as nothing or a box) are removed
like punctuation — they can be slipped between two characters of a term.
"""
import os, re, sys, unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BLOCK_SHIFT = 7
BLOCK = 1 << BLOCK_SHIFT
MAXCP = 0x110000

def load_radsup():
    m = {}
    with open(os.path.join(ROOT, "tools/data/EquivalentUnifiedIdeograph-2E80.txt")) as f:
        for line in f:
            line = line.split("#")[0].strip()
            if not line:
                continue
            r, v = [x.strip() for x in line.split(";")]
            if ".." in r:
                a, b = [int(x, 16) for x in r.split("..")]
            else:
                a = b = int(r, 16)
            for c in range(a, b + 1):
                m[c] = int(v, 16)
    return m

def load_t2s():
    m = {}
    with open(os.path.join(ROOT, "src/core/t2s_table.h")) as f:
        for a, b in re.findall(r"\{0x([0-9A-F]+), 0x([0-9A-F]+)\}", f.read()):
            m[int(a, 16)] = int(b, 16)
    return m

RADSUP = load_radsup()
T2S = load_t2s()
FILLERS = {0x115F, 0x1160, 0x3164, 0xFFA0}

# (b') Latin look-alikes, after lower case (issue 16 red team).
CONFUSABLES = {}
for src, dst in (("авекмнорстхуіјѕһԁӏԛԝѵёї", "abekmhopctxyijshdlqwvei"),
                 ("αβεηικμνορτχυζϲϳ", "abenikmvoptxuzcj")):
    for a, b in zip(src, dst):
        CONFUSABLES[ord(a)] = b
for base in (0x1F150, 0x1F170, 0x1F1E6):    # negative circled, negative squared, regional indicators
    for k in range(26):
        CONFUSABLES[base + k] = chr(ord("a") + k)

def removed(ch):
    cat = unicodedata.category(ch)
    return (cat[0] in "ZPS" or cat in ("Cc", "Cf", "Mn", "Me", "Lm", "Co")
            or ord(ch) in FILLERS)

def step(s):
    # (a)
    out = []
    for ch in s:
        if ord(ch) in RADSUP:
            out.append(chr(RADSUP[ord(ch)]))
        else:
            out.append(unicodedata.normalize("NFKD", ch))
    s = "".join(out)
    s = "".join(ch for ch in s if unicodedata.category(ch) not in ("Mn", "Me"))
    s = unicodedata.normalize("NFC", s)
    # (b)
    s = "".join(ch.lower() for ch in s)
    # (b')
    s = "".join(CONFUSABLES.get(ord(ch), ch) for ch in s)
    # (c)
    s = "".join(ch for ch in s if not removed(ch))
    # (d)
    s = "".join(chr(T2S.get(ord(ch), ord(ch))) for ch in s)
    return s

def full(c):
    s = chr(c)
    for _ in range(10):
        t = step(s)
        if t == s:
            return s
        s = t
    raise SystemExit("no fixpoint for U+%04X" % c)

def main():
    mapping = {}
    for c in range(MAXCP):
        if 0xD800 <= c <= 0xDFFF:
            continue
        r = full(c)
        if r != chr(c):
            mapping[c] = r
    # idempotence: every output character maps to itself
    for c, r in mapping.items():
        for ch in r:
            assert ord(ch) not in mapping, "U+%04X -> %r not idempotent" % (c, r)
    # ASCII: the fast path of normalize.c keeps 0-9 a-z, folds A-Z, drops the rest
    for c in range(128):
        ch = chr(c)
        want = ch.lower() if ch.isalnum() else ""
        assert mapping.get(c, ch) == want, "ASCII %d" % c
    # pool of UTF-8 outputs, each a length byte then the bytes; offset 1 is
    # the empty output (removal), 0 means "unchanged"
    pool = bytearray([0, 0])
    index = {"": 1}
    maxratio = 1
    for c, r in sorted(mapping.items()):
        if r not in index:
            b = r.encode("utf-8")
            assert len(b) < 256
            index[r] = len(pool)
            pool.append(len(b))
            pool.extend(b)
        inlen = len(chr(c).encode("utf-8"))
        maxratio = max(maxratio, -(-len(r.encode("utf-8")) // inlen))
    assert len(pool) < 65536
    blocks = {}
    stage1 = []
    stage2 = []
    for b in range(MAXCP // BLOCK):
        vals = tuple(index[mapping[c]] if c in mapping else 0
                     for c in range(b * BLOCK, (b + 1) * BLOCK))
        if vals not in blocks:
            blocks[vals] = len(blocks)
            stage2.append(vals)
        stage1.append(blocks[vals])
    assert len(blocks) < 65536
    w = sys.stdout.write
    w("/*\n * norm_tables.h — per-character map of src/core/normalize.c.\n")
    w(" * GENERATED by tools/gen_norm_tables.py; do not edit.\n *\n")
    w(" * Unicode %s (Python %s unicodedata); CJK Radicals Supplement from\n"
      % (unicodedata.unidata_version, sys.version.split()[0]))
    w(" * EquivalentUnifiedIdeograph-14.0.0.txt (© Unicode, Inc.); traditional ->\n")
    w(" * simplified from t2s_table.h (OpenCC 1.1.6, Apache-2.0).\n *\n")
    w(" * bj_norm_stage1[c >> %d] names a block of %d entries in bj_norm_stage2;\n" % (BLOCK_SHIFT, BLOCK))
    w(" * entry 0: c is unchanged; entry v > 0: c becomes the bj_norm_pool[v]\n")
    w(" * bytes of UTF-8 that follow it (none: c is removed, v = 1).\n")
    w(" * %d code points change; %d distinct blocks; pool %d bytes.\n */\n"
      % (len(mapping), len(stage2), len(pool)))
    w("#define BJ_NORM_BLOCK_SHIFT %d\n" % BLOCK_SHIFT)
    w("#define BJ_NORM_BLOCK_MASK %d\n" % (BLOCK - 1))
    w("#define BJ_NORM_UNICODE_VERSION \"%s\"\n" % unicodedata.unidata_version)
    w("/* Most UTF-8 output bytes per input byte (U+FDFA and the like). */\n")
    w("#define BJ_NORM_TABLE_MAX_RATIO %d\n\n" % maxratio)
    w("static const uint16_t bj_norm_stage1[%d] = {\n" % len(stage1))
    for i in range(0, len(stage1), 16):
        w("\t" + ", ".join(str(x) for x in stage1[i:i + 16]) + ",\n")
    w("};\n\nstatic const uint16_t bj_norm_stage2[%d] = {\n" % (len(stage2) * BLOCK))
    for vals in stage2:
        for i in range(0, BLOCK, 16):
            w("\t" + ", ".join(str(x) for x in vals[i:i + 16]) + ",\n")
    w("};\n\nstatic const unsigned char bj_norm_pool[%d] = {\n" % len(pool))
    for i in range(0, len(pool), 20):
        w("\t" + ", ".join(str(x) for x in pool[i:i + 20]) + ",\n")
    w("};\n")

main()
