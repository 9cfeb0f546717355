"""Each lexicon once: the C tables of src/core/lexicon.c against the
database's (contract_type, the CHECKs on posting, the label columns), and
text_key() in C against fj_key() in SQL on many strings: every stored
title, company and city spelling, hand-picked cases and random Latin
text."""

import os
import random
import re
import subprocess

from fjtest import check, done, sql

TSVDIFF = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                       "..", "..", "build", "tsvdiff")

out = subprocess.run([TSVDIFF, "lexicon"], capture_output=True, text=True,
                     check=True).stdout
lex = {}
for line in out.splitlines():
    kind, code = line.split("\t")
    lex.setdefault(kind, []).append(code)

for axis in ("contract", "schedule"):
    want = [r[0] for r in sql("SELECT code FROM contract_type WHERE axis ="
                              " '%s' ORDER BY sort, code" % axis)]
    check("C %s codes are contract_type's, in its order" % axis,
          lex.get(axis) == want, "C %r, SQL %r" % (lex.get(axis), want))


def check_values(column):
    """The values posting's CHECK on column allows."""
    for (d,) in sql("SELECT pg_get_constraintdef(oid) FROM pg_constraint"
                    " WHERE conrelid = 'posting'::regclass AND contype = 'c'"):
        if re.match(r"CHECK \(\(?%s = ANY" % column, d):
            return sorted(re.findall(r"'([^']*)'::text", d))
    return None


for kind in ("remote", "lang"):
    want = check_values(kind)
    check("C %s codes are those posting's CHECK allows" % kind,
          want is not None and sorted(lex.get(kind, [])) == want,
          "C %r, SQL %r" % (lex.get(kind), want))
labels = sorted(r[0][len("label_"):] for r in sql(
    "SELECT column_name FROM information_schema.columns WHERE table_name ="
    " 'contract_type' AND column_name LIKE 'label\\_%'"))
check("contract_type has a label column per C language",
      sorted(lex.get("lang", [])) == labels, repr(labels))

# text_key() and fj_key() on the same strings.
HAND = [
    "", " ", "!!!", "Hermès International", "Dolce&Gabbana S.r.l.",
    "Saint-Rémy-de-Provence", "München", "MÜNCHEN", "Straße", "Æøå",
    "Œuvre", "Ĳssel", "Düsseldorf", "Zürich", "Cassina de' Pecchi",
    "Vaprio d'Adda", "Tiffany & Co.", "  spaced   out  ", "tab\there",
    "line\nbreak", "a--b__c..d", "Ça c'est l'été", "ÀÉÎÕÜ àéîõü",
    "Ñandú", "Łódź", "Kraków", "Škoda", "Čeština", "Ørsted", "Åre",
    "Garçon", "Façade", "naïve", "coöperate", "Sales Assistant (M/F)",
    "Vendeur H/F – Paris", "Verkäufer (m/w/d)", "50 € / h", "3ème",
    "București", "Timișoara", "ȘTEFAN Țara", "a€b", "£30k", "¥ ₩ ₽ ₴",
]
LATIN = ("àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßœÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝŸŒ"
         "ąćęłńśźżĄĆĘŁŃŚŹŻčďěňřšťůžČĎĚŇŘŠŤŮŽșțȘȚ€£¥₽")
PUNCT = " ,;:!?()[]{}\"'*|/\\.-+@&<>~_=%#\t\n"
LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
rnd = random.Random(int(os.environ.get("FJ_KEY_SEED", "20261202")))
RANDOM = ["".join(rnd.choice(LETTERS * 3 + LATIN + PUNCT)
                  for _ in range(rnd.randint(1, 40))) for _ in range(20000)]
STORED = [r[0] for r in sql(
    "SELECT DISTINCT t FROM (SELECT title AS t FROM posting UNION ALL"
    " SELECT title_raw FROM posting UNION ALL SELECT company_raw FROM posting"
    " UNION ALL SELECT name FROM company UNION ALL SELECT city_raw FROM"
    " posting UNION ALL SELECT name FROM city) x WHERE t IS NOT NULL"
    " AND t !~ E'[\\\\t\\\\n\\\\\\\\]'")]


def compare(texts):
    """(how many, how many differ, examples)."""
    inp = "".join(t + "\0" for t in texts).encode()
    rows = subprocess.run([TSVDIFF, "keys"], input=inp, capture_output=True,
                          check=True).stdout.decode()
    got = sql("CREATE TEMP TABLE k (t text, key text);\n"
              "COPY k FROM STDIN;\n" + rows + "\\.\n"
              "SELECT count(*), count(*) FILTER (WHERE key IS DISTINCT FROM"
              " fj_key(t)) FROM k;\n"
              "SELECT quote_literal(t), quote_literal(key),"
              " quote_literal(fj_key(t)) FROM k WHERE key IS DISTINCT FROM"
              " fj_key(t) LIMIT 5;")
    n, bad = (int(x) for x in got[0])
    return n, bad, got[1:]


for name, texts in (("hand-picked", HAND), ("random Latin", RANDOM),
                    ("stored (titles, companies, cities)", STORED)):
    n, bad, ex = compare(texts)
    check("text_key() is fj_key() on %d %s strings" % (n, name),
          n == len(texts) and n > 0 and bad == 0, "%d differ: %r" % (bad, ex))
done()
