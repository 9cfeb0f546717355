#!/usr/bin/env python3
"""The interface's messages: extraction and checks.

  i18n.py pot      write po/fashionjobs.pot: the C code's tr(), trn() and
                   N_() messages (xgettext) and the templates' {{_ text}}
                   and {{_n count|singular|plural}} ones
  i18n.py update   the same, then msgmerge each po/<lang>.po with it
  i18n.py check    ok/not ok lines: every catalog has every message the
                   code and templates use, translated, with the Plural-Forms
                   src/core/i18n.c applies; no template holds words outside
                   {{_ }}; each catalog compiles with msgfmt --check
"""

import glob
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
LANGS = ["it", "fr", "de", "es"]
# What i18n_plural() in src/core/i18n.c computes, as each header says it.
PLURALS = {
    "fr": "nplurals=2; plural=(n > 1);",
    "it": "nplurals=2; plural=(n != 1);",
    "de": "nplurals=2; plural=(n != 1);",
    "es": "nplurals=2; plural=(n != 1);",
}
TRANS = re.compile(r"\{\{_(n?) ([^}]*)\}\}")
TEMPLATES = ["assets/*.html", "assets/mail_*.txt"]
# Words a template may write as they are: names, not language.
PROPER = {"fashionjobs", "GeoNames", "CC", "BY", "km",
          "WhatsApp", "LinkedIn", "X", "you", "example", "com", "https",
          "www", "org", "fj", "IT", "UTC"}
# Attributes whose values a person reads.
READ_ATTRS = re.compile(
    r'\b(placeholder|aria-label|title|alt|data-label)="([^"]*)"')


def templates():
    out = []
    for pat in TEMPLATES:
        out.extend(sorted(glob.glob(os.path.join(ROOT, pat))))
    return out


def c_sources():
    out = []
    for d in ("src/core", "src/web", "src/cli"):
        out.extend(sorted(glob.glob(os.path.join(ROOT, d, "*.c"))))
    return out


def po_quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace(
        "\n", "\\n") + '"'


def template_pot():
    """A .pot of the templates' messages, with their file:line."""
    seen = {}
    order = []
    for path in templates():
        rel = os.path.relpath(path, ROOT)
        with open(path, encoding="utf-8") as f:
            src = f.read()
        for m in TRANS.finditer(src):
            no = src.count("\n", 0, m.start()) + 1
            if m.group(1):
                _, sing, plur = [x.strip() for x in m.group(2).split("|", 2)]
                key = (sing, plur)
            else:
                key = (m.group(2).strip(), None)
            if key not in seen:
                seen[key] = []
                order.append(key)
            seen[key].append("%s:%d" % (rel, no))
    lines = ['msgid ""', 'msgstr ""',
             '"Content-Type: text/plain; charset=UTF-8\\n"', ""]
    for key in order:
        lines.append("#: " + " ".join(seen[key]))
        # Placeholders are %(name): not C formats.
        lines.append("#, no-c-format")
        lines.append("msgid " + po_quote(key[0]))
        if key[1] is None:
            lines.append('msgstr ""')
        else:
            lines.append("msgid_plural " + po_quote(key[1]))
            lines.append('msgstr[0] ""')
            lines.append('msgstr[1] ""')
        lines.append("")
    return "\n".join(lines)


def make_pot(out):
    with tempfile.TemporaryDirectory() as tmp:
        cpot = os.path.join(tmp, "c.pot")
        tpot = os.path.join(tmp, "t.pot")
        subprocess.run(
            ["xgettext", "--from-code=UTF-8", "--language=C",
             "--keyword=", "--keyword=tr:2", "--keyword=trn:2,3",
             "--keyword=N_", "--add-comments=TRANSLATORS:",
             "--package-name=fashionjobs", "--no-wrap", "--sort-by-file",
             "--force-po", "-o", cpot] +
            [os.path.relpath(p, ROOT) for p in c_sources()],
            check=True, cwd=ROOT)
        with open(tpot, "w", encoding="utf-8") as f:
            f.write(template_pot())
        subprocess.run(["msgcat", "--use-first", "--no-wrap", "-o", out,
                        cpot, tpot], check=True, cwd=ROOT)


def read_po(path):
    """{(msgid, msgid_plural or None): [msgstr...]}, fuzzy ones left out,
    and the header."""
    entries = {}
    cur = None
    field = None
    fuzzy = False

    def flush():
        if cur is not None and not fuzzy and "msgid" in cur:
            entries[(cur["msgid"], cur.get("msgid_plural"))] = [
                cur[k] for k in sorted(cur) if k.startswith("msgstr")]

    def unq(s):
        s = s.strip()[1:-1]
        return re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t"}.get(
            m.group(1), m.group(1)), s)

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                flush()
                cur, field, fuzzy = None, None, False
                continue
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
                continue
            if line.startswith("#"):
                continue
            if cur is None:
                cur = {}
            m = re.match(r'(msgid_plural|msgid|msgstr(?:\[\d\])?) (".*")$',
                         line)
            if m:
                field = m.group(1)
                cur[field] = unq(m.group(2))
            elif line.startswith('"') and field:
                cur[field] += unq(line)
    flush()
    header = entries.pop(("", None), [""])[0]
    return entries, header


def template_words():
    """(file:line, text) of what templates write outside {{_ }}."""
    bad = []
    for path in templates():
        rel = os.path.relpath(path, ROOT)
        with open(path, encoding="utf-8") as f:
            src = f.read()
        # Everything between {{ and }} is code or a message.
        text = re.sub(r"\{\{.*?\}\}", " ", src, flags=re.S)
        # The board's name, and addresses given as examples.
        text = text.replace("fashion<b>jobs</b>", " ")
        text = re.sub(r'"(https?://|[\w.]+@)[^"]*"', '""', text)
        for no, line in enumerate(text.split("\n"), 1):
            if path.endswith(".html"):
                found = [m.group(2) for m in READ_ATTRS.finditer(line)]
                line = re.sub(r"<[^>]*>", " ", line)
                line = re.sub(r"&\w+;", " ", line)
                found.append(line)
            else:
                # Mails: URLs are not words.
                found = [re.sub(r"\S+://\S+", " ", line)]
            for s in found:
                words = [w for w in re.findall(r"[^\W\d_]{2,}", s)
                         if w not in PROPER]
                if words:
                    bad.append(("%s:%d" % (rel, no), " ".join(words)))
    return bad


def check():
    failed = 0

    def say(ok, name, why=""):
        nonlocal failed
        if ok:
            print("ok - " + name)
        else:
            failed += 1
            print("not ok - %s: %s" % (name, why))

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "fashionjobs.pot")
        make_pot(pot)
        want, _ = read_po(pot)
        with open(os.path.join(ROOT, "po", "fashionjobs.pot"),
                  encoding="utf-8") as f:
            committed = f.read()
        have, _ = read_po(os.path.join(ROOT, "po", "fashionjobs.pot"))
        say(set(have) == set(want), "po/fashionjobs.pot is up to date",
            "run python3 src/tools/i18n.py update (differs by %s)" %
            sorted(set(have) ^ set(want))[:5])
        del committed
        for lang in LANGS:
            path = os.path.join(ROOT, "po", lang + ".po")
            if not os.path.exists(path):
                say(False, "po/%s.po exists" % lang, "missing")
                continue
            got, header = read_po(path)
            missing = [k for k in want if k not in got or
                       not all(got[k]) or
                       (k[1] is not None and len(got[k]) < 2)]
            say(not missing, "po/%s.po translates every message (%d)" %
                (lang, len(want)),
                "%d missing or empty, such as %s" % (
                    len(missing), [m[0] for m in missing[:8]]))
            pf = re.search(r"Plural-Forms: *([^\n]*)", header)
            say(pf is not None and pf.group(1).strip() == PLURALS[lang],
                "po/%s.po Plural-Forms is src/core/i18n.c's rule" % lang,
                pf.group(1) if pf else "no Plural-Forms")
            r = subprocess.run(["msgfmt", "--check", "-o", os.devnull, path],
                               capture_output=True, text=True)
            say(r.returncode == 0, "po/%s.po compiles with msgfmt --check" %
                lang, r.stderr.strip()[:300])
    bad = template_words()
    say(not bad, "templates hold no words outside {{_ }}",
        "; ".join("%s %r" % b for b in bad[:12]))
    print("# %d failed" % failed)
    return 1 if failed else 0


def main():
    cmd = sys.argv[1] if len(sys.argv) > 1 else "check"
    if cmd in ("pot", "update"):
        make_pot(os.path.join(ROOT, "po", "fashionjobs.pot"))
        if cmd == "update":
            for lang in LANGS:
                path = os.path.join(ROOT, "po", lang + ".po")
                if os.path.exists(path):
                    subprocess.run(["msgmerge", "--quiet", "--update",
                                    "--backup=none", "--no-wrap",
                                    "--no-fuzzy-matching", path,
                                    os.path.join(ROOT, "po",
                                                 "fashionjobs.pot")],
                                   check=True)
        return 0
    if cmd == "check":
        return check()
    if cmd == "words":
        for where, w in template_words():
            print(where, w)
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main())
