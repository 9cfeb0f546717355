"""The description's tsvector the scraper computes (src/core/tsv.c) against
PostgreSQL's to_tsvector('fj', left(description, 4000)): on every seeded
description, on hand-picked cases and on random text built from the
characters tsv.c accepts and their neighbours.  Where tsv.c gives a vector
it must be PostgreSQL's exactly; where it gives none, PostgreSQL computes it
(the import falls back).  Also how often the fast path is taken."""

import os
import random
import subprocess
import sys
import tempfile

from fjtest import check, done, sql

TSVDIFF = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                       "..", "..", "build", "tsvdiff")

# Done here: plain words, accents, numbers, blanks, the 4000-character cut.
PLAIN = [
    "", " ", "Hello World. d'une première l'équipe",
    "- Accueil & conseil: x. Y", "word– – —x", "ÀÉÎ Ça C'est l'été",
    "Straße ÆON œuvre Þórr Ĳssel", "a\tb\nc\rd", "mot " * 255,
    "2024 10am 3rd h24 1,5 50 €", "x" * 2046,
    " ".join("w%d" % i for i in range(800))[:3996] + " cutting",
    "é" * 1000 + " end", "Wir suchen (Vollzeit); « Paris » – 3 ans!",
    "Il/la candidato/a (m/w/d) H/F, 2/3 a/b/ x1/y2",
]
# Left to PostgreSQL: what its parser reads as more than words and blanks.
TRICKY = [
    "T-shirt full-time 3-d a-2", "2024-2025 -5 +5 1.5 10:00",
    "e.g. S.p.A. www.x.com a.b",
    "x@y.com <b>bold</b> &amp; &#39;", "ǅ ﬁne", "ŉ ×÷",
    "snake_case a~b a=b a+b a#b", "ΑΒΓ κόσμος", "日本語", "mot " * 256,
    "x" * 2047, "y" * 2048 + " z", "é" * 1100 + " end",
    "a" * 3999 + ". b", "b" * 3999 + ".b", "see below.)", "https://x.it",
    "città/paese", "a/città", "é/a", "ab/é", "a//b", "a/b-c", "/x", "12e5abc 7E1x",
]

LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
LATIN = "àâäçéèêëîïôöùûüÿñßæœÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÑÆŒøåÅıİĳŉ×÷"
PUNCT = ",;!?()[]{}\"'*|^`$\\.-+/:@&<>~_=%#"
OTHER = "\u00a0\u2013\u2014\u2019\u201c\u201d\u00ab\u00bb\u2022\u2026\u20ac" \
        "\u00a3\u00b0\u00b7\u00bf\u00a1\u2122\u00ae\u00a9\u00a7\u00b2\u00bd" \
        "\u0301\u03b1\u0416\u3042\U0001f600\u200b\t\n\r"


def random_text(rnd):
    """Words, numbers and punctuation in the proportions of real text,
    with every neighbour pairing somewhere."""
    out = []
    for _ in range(rnd.randint(1, 12)):
        kind = rnd.random()
        if kind < 0.45:
            out.append("".join(rnd.choice(LETTERS + LATIN)
                               for _ in range(rnd.randint(1, 8))))
        elif kind < 0.6:
            out.append("".join(rnd.choice("0123456789")
                               for _ in range(rnd.randint(1, 5))))
        elif kind < 0.8:
            out.append(rnd.choice(PUNCT))
        elif kind < 0.87:
            out.append(rnd.choice(OTHER))
        else:
            out.append(" ")
    return "".join(out)


def compare(texts):
    """(vectors given, mismatches, examples) for texts."""
    inp = "".join(t + "\0" for t in texts).encode()
    rows = subprocess.run([TSVDIFF], input=inp, capture_output=True,
                          check=True).stdout.decode()
    got = sql("CREATE TEMP TABLE d (t text, v tsvector);\n"
              "COPY d FROM STDIN;\n" + rows + "\\.\n"
              "SELECT count(*), count(v), count(*) FILTER (WHERE v <>"
              " to_tsvector('fj', left(t, 4000))) FROM d;\n"
              "SELECT left(t, 80), left(v::text, 80), left(to_tsvector("
              "'fj', left(t, 4000))::text, 80) FROM d WHERE v <>"
              " to_tsvector('fj', left(t, 4000)) LIMIT 5;")
    n, given, bad = (int(x) for x in got[0])
    return n, given, bad, got[1:]


n, given, bad, ex = compare(PLAIN)
check("%d plain texts are all done here, as PostgreSQL does them" % n,
      given == n == len(PLAIN) and bad == 0, "%d given, %r" % (given, ex))
# Either, but the same: slashes and dots at the 4000-character cut.
n, given, bad, ex = compare(["w " * 1998 + x for x in (
    "ab/cd", "a/bcd", "abc/d", "ab/", "a.b", "abc.", "ab-c")])
check("%d texts cut at 4000 characters near a slash, dot or hyphen: every "
      "vector given is PostgreSQL's" % n, bad == 0, repr(ex))
n, given, bad, ex = compare(TRICKY)
check("%d tricky texts are left to PostgreSQL" % n,
      given == 0 and n == len(TRICKY), "%d given, %r" % (given, ex))

seed = int(os.environ.get("FJ_TSV_SEED", "20261201"))
rnd = random.Random(seed)
texts = [random_text(rnd) for _ in range(int(os.environ.get(
    "FJ_TSV_RANDOM", "40000")))]
n, given, bad, ex = compare(texts)
check("%d random texts (seed %d): every vector given is PostgreSQL's "
      "(%d given)" % (n, seed, given), bad == 0 and given > n // 10,
      repr(ex))

desc = [r[0] for r in sql("SELECT replace(replace(description, E'\\\\',"
                          " E'\\\\\\\\'), E'\\n', E'\\\\n') FROM posting")]
desc = [d.replace("\\n", "\n").replace("\\\\", "\\") for d in desc]
n, given, bad, ex = compare(desc)
check("%d seeded descriptions: every vector given is PostgreSQL's"
      % n, n > 0 and bad == 0, repr(ex))
check("seeded descriptions: at least 90%% done here (%d of %d)" % (given, n),
      given * 10 >= n * 9, "%d of %d" % (given, n))

# Under the C locale PostgreSQL reads every non-ASCII character as a letter
# ("word–x" is one word): in such a database the scraper gives no vector and
# PostgreSQL computes them all.
C_URL = os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/fj_tsv_c"
sql("DROP DATABASE IF EXISTS fj_tsv_c")
sql("CREATE DATABASE fj_tsv_c TEMPLATE template0 ENCODING 'UTF8'"
    " LC_CTYPE 'C' LC_COLLATE 'C'")
feed = tempfile.NamedTemporaryFile("w", suffix=".xml", delete=False)
feed.write("<source>" + "".join(
    "<job><referencenumber>%d</referencenumber><title>Vendeur %d</title>"
    "<company>Maison</company><city>Paris</city><description>%s"
    "</description><url>https://maison.example/%d</url></job>"
    % (i, i, d, i) for i, d in enumerate([
        "Boutique – Paris « rive gauche »", "Straße, Größe – 3 Jahre",
        "plain words only"])) + "</source>")
feed.close()
os.chmod(feed.name, 0o644)
env = dict(os.environ, DATABASE_URL=C_URL)
FJ = os.environ["FJ_BIN"]
steps = [[FJ, "migrate"], [FJ, "partner", "add", "--name", "c", "--url",
         "file://" + feed.name, "--format", "indeed"],
         [FJ, "scrape", "--once", "--partner", "c"]]
ran = [subprocess.run(x, env=env, capture_output=True, text=True)
       for x in steps]
os.unlink(feed.name)
got = subprocess.run(
    ["psql", "-X", "-qAt", C_URL, "-c", "SELECT count(*), count(*) FILTER"
     " (WHERE search IS DISTINCT FROM fj_search_vector(title, company_name,"
     " city_name, city_raw, description, NULL)), count(*) FILTER (WHERE"
     " search @@ 'word-x | boutique-paris'::tsquery OR search::text ~ '<<')"
     " FROM posting WHERE source = 'partner'"],
    capture_output=True, text=True).stdout.split("|")
check("a C-locale database: 3 postings imported, every vector PostgreSQL's",
      all(r.returncode == 0 for r in ran) and
      [x.strip() for x in got] == ["3", "0", "1"],
      repr(got) + " " + " ".join(r.stderr[-200:] for r in ran))
sql("DROP DATABASE fj_tsv_c")

# Every stored vector is the one PostgreSQL computes from the posting's
# columns: imported and seeded ones (tsv.c's or PostgreSQL's description
# part), recruiters' ones (the insert trigger), edited ones (the update one).
VECTOR = ("fj_search_vector(title, company_name, city_name, city_raw,"
          " description, NULL)")
n, partner, wrong = (int(x) for x in sql(
    "SELECT count(*), count(*) FILTER (WHERE source = 'partner'),"
    " count(*) FILTER (WHERE search IS DISTINCT FROM " + VECTOR + ")"
    " FROM posting")[0])
check("all %d stored vectors (%d imported) are PostgreSQL's" % (n, partner),
      partner > 0 and wrong == 0, "%d differ" % wrong)

got = sql("""BEGIN;
INSERT INTO posting (company_id, company_name, company_raw, title,
    title_raw, slug, city_name, description) SELECT id, name, name,
    'Vendeuse H/F', 'Vendeuse H/F', 'vendeuse', 'Lyon', 'Boutique de luxe'
    FROM company LIMIT 1 RETURNING search::text;
UPDATE posting SET description = 'Atelier couture' WHERE slug = 'vendeuse'
    RETURNING search::text;
UPDATE posting SET views = views + 1 WHERE slug = 'vendeuse'
    RETURNING search::text;
UPDATE posting SET title = 'X', search = 'given' WHERE slug = 'vendeuse'
    RETURNING search::text;
ROLLBACK;""")
flat = [r[0] for r in got]
check("a posting inserted without a vector gets PostgreSQL's",
      len(flat) == 4 and "'boutique':" in flat[0] and "'h/f':2A" in flat[0],
      repr(flat))
check("new words make a new vector; other changes keep it; a vector "
      "written with the words is kept", len(flat) == 4 and
      "'atelier':" in flat[1] and "'boutique'" not in flat[1] and
      flat[2] == flat[1] and flat[3] == "'given'", repr(flat))
done()
