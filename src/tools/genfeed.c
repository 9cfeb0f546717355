/*
 * genfeed N: a realistic multilingual Indeed-style feed of N jobs on
 * stdout, for the benchmarks: CDATA fields, an HTML description of three
 * to six paragraphs in Italian, French, German or English (about 1 KB),
 * city aliases (MILANO, Milano, Mailand, ...), contract labels as partners
 * write them, RFC 822 dates.  About 1.5 KB a job, so 100 000 jobs make
 * some 150 MB.  The output depends only on N (a fixed-seed SplitMix64).
 *
 *	cc -O2 -o build/genfeed src/tools/genfeed.c
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define PICK(a)		((a)[rnd() % NELEM(a)])

struct place {
	const char	*city;
	const char	*state;
	const char	*country;
};

static uint64_t	rnd(void);
static void	job(long);

static uint64_t	state = 42;

static const char *const companies[] = {
	"GUCCIO GUCCI S.P.A.", "Prada S.p.A.", "Hermès International",
	"Chanel SAS", "Hugo Boss AG", "Burberry Ltd",
	"Dolce&Gabbana S.r.l.", "Max Mara Fashion Group S.r.l.",
	"Louis Vuitton Malletier", "Moncler S.p.A.", "Zalando SE",
	"Tiffany & Co.", "Valentino S.p.A.", "Céline", "Ermenegildo Zegna",
	"Salvatore Ferragamo S.p.A.", "Escada GmbH", "Galeries Lafayette",
};

static const char *const titles[] = {
	"Addetto/a Vendite", "Store Manager", "Conseiller de Vente (H/F)",
	"Verkäufer (m/w/d)", "Visual Merchandiser", "Area Manager Retail",
	"Responsable Boutique H/F", "Client Advisor", "Buyer Womenswear",
	"Filialleiter (w/m/x)", "Modellista", "Stock Controller",
	"Sales Associate – Leather Goods", "Vendeur Prêt-à-Porter H/F",
	"Assistente Store Manager", "Schneider/in Änderungsatelier",
};

static const struct place places[] = {
	{ "MILANO", "MI", "IT" }, { "Milano", "Lombardia", "IT" },
	{ "Milan", "Lombardy", "Italy" }, { "Mailand", "", "IT" },
	{ "FIRENZE", "FI", "IT" }, { "Florence", "Tuscany", "IT" },
	{ "Roma", "RM", "Italia" }, { "Paris", "Île-de-France", "FR" },
	{ "PARIS 08", "75", "France" }, { "Lyon", "Rhône", "FR" },
	{ "München", "Bayern", "DE" }, { "Munich", "Bavaria", "Germany" },
	{ "MUENCHEN", "BY", "DE" }, { "Düsseldorf", "NRW", "DE" },
	{ "London", "", "GB" }, { "Wien", "Wien", "AT" },
};

static const char *const types[] = {
	"Tempo Indeterminato", "Tempo determinato", "CDI", "CDD",
	"Vollzeit", "Vollzeit, unbefristet", "Full-time", "Part-time",
	"Stage", "CDD - Temps partiel", "Praktikum", "Permanent, Full-time",
};

static const char *const salaries[] = {
	"€ 28.000 - 34.000 / anno", "32 000 € brut annuel",
	"3.200 € brutto/Monat", "£30,000 - £35,000 per annum",
	"Retribuzione commisurata all'esperienza", "",
};

static const char *const categories[] = {
	"Retail, Fashion", "Vente / Luxe", "Einzelhandel - Mode",
	"Design &amp; Product", "Logistics", "Customer Service",
};

static const char *const days[] = {
	"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"
};

static const char *const months[] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
	"Oct", "Nov", "Dec"
};

/* Paragraphs of about 200 bytes, four languages, some entities. */
static const char *const paras[] = {
	"<p>Per la nostra boutique di via Montenapoleone cerchiamo una "
	"persona appassionata di moda e di servizio al cliente, con "
	"esperienza nel retail del lusso e ottime doti relazionali.</p>",
	"<p>La risorsa si occuper&agrave; dell'accoglienza dei clienti, "
	"della vendita assistita, della gestione del magazzino e del "
	"riassortimento, nel rispetto degli standard della maison.</p>",
	"<h3>Cosa offriamo</h3><p>Contratto a tempo indeterminato, "
	"formazione continua, sconto dipendenti e un ambiente di lavoro "
	"internazionale e dinamico.</p>",
	"<p>Rejoignez une maison embl&eacute;matique du luxe fran&ccedil;ais "
	"et participez &agrave; son d&eacute;veloppement en boutique, aux "
	"c&ocirc;t&eacute;s d'une &eacute;quipe passionn&eacute;e.</p>",
	"<p><strong>Votre profil :</strong> vous justifiez d'une "
	"premi&egrave;re exp&eacute;rience r&eacute;ussie dans la vente de produits haut de "
	"gamme et parlez couramment anglais.</p>",
	"<ul><li>Accueil et conseil client</li><li>Tenue de la surface de "
	"vente</li><li>Suivi des stocks</li><li>Fid&eacute;lisation de la "
	"client&egrave;le</li></ul>",
	"<p>Sie verfügen über Erfahrung im Einzelhandel, idealerweise im "
	"Premium- oder Luxussegment, und lieben den Kontakt mit Kunden aus "
	"aller Welt.</p>",
	"<h3>Ihre Aufgaben</h3><ul><li>Kundenberatung &amp; Verkauf</li>"
	"<li>Warenpräsentation nach Vorgaben</li><li>Kassenabwicklung</li>"
	"</ul>",
	"<p>Wir bieten Ihnen einen unbefristeten Arbeitsvertrag, attraktive "
	"Provisionen, Mitarbeiterrabatte und individuelle Weiterbildung in "
	"unserer Akademie.</p>",
	"<p>We offer a competitive salary, commission, a generous staff "
	"discount and real career development across our European stores "
	"&ndash; from Milan to London.</p>",
	"<p><b>Requirements:</b><br>Two years of experience in luxury "
	"retail<br>Fluent English, a second language is a plus<br>"
	"Flexibility to work weekends</p>",
	"<div><p>Our client advisors are ambassadors of the brand: they "
	"build lasting relationships &amp; deliver an exceptional "
	"experience to every client.</p></div>",
};

static uint64_t
rnd(void)
{
	uint64_t	z = (state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return (z ^ (z >> 31));
}

static void
job(long i)
{
	const struct place	*pl = &places[rnd() % NELEM(places)];
	int			 day, mon, np, k;

	day = 1 + (int)(rnd() % 28);
	mon = (int)(rnd() % 12);
	printf("<job>\n"
	    "<title><![CDATA[%s - %ld]]></title>\n"
	    "<date><![CDATA[%s, %02d %s 2026 %02d:%02d:00 GMT]]></date>\n"
	    "<referencenumber><![CDATA[FJ-%08ld]]></referencenumber>\n"
	    "<url><![CDATA[https://partner.example/jobs/%ld?utm_source="
	    "fashionjobs&utm_medium=feed]]></url>\n"
	    "<company><![CDATA[%s]]></company>\n"
	    "<city><![CDATA[%s]]></city>\n"
	    "<state><![CDATA[%s]]></state>\n"
	    "<country><![CDATA[%s]]></country>\n"
	    "<postalcode><![CDATA[%05d]]></postalcode>\n"
	    "<category>%s</category>\n"
	    "<salary><![CDATA[%s]]></salary>\n"
	    "<jobtype><![CDATA[%s]]></jobtype>\n",
	    PICK(titles), i % 997, PICK(days), day, months[mon],
	    (int)(rnd() % 24), (int)(rnd() % 60), i, i, PICK(companies),
	    pl->city, pl->state, pl->country, (int)(rnd() % 100000),
	    PICK(categories), PICK(salaries), PICK(types));
	/* Some partners repeat the element for a second label. */
	if (rnd() % 4 == 0)
		printf("<jobtype><![CDATA[%s]]></jobtype>\n", PICK(types));
	printf("<description><![CDATA[");
	np = 3 + (int)(rnd() % 4);
	for (k = 0; k < np; k++)
		fputs(PICK(paras), stdout);
	printf("]]></description>\n"
	    "<expirationdate><![CDATA[2027-%02d-%02d]]></expirationdate>\n"
	    "</job>\n", 1 + mon, day);
}

int
main(int argc, char **argv)
{
	long	n, i;

	n = argc > 1 ? strtol(argv[1], NULL, 10) : 1000;
	if (n < 0) {
		fprintf(stderr, "usage: genfeed [count]\n");
		return (1);
	}
	printf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<source>\n"
	    "<publisher>Bench Board</publisher>\n"
	    "<publisherurl>https://bench.example/</publisherurl>\n"
	    "<lastBuildDate>Mon, 02 Nov 2026 09:00:00 GMT</lastBuildDate>\n");
	for (i = 0; i < n; i++)
		job(i);
	printf("</source>\n");
	return (ferror(stdout) ? 1 : 0);
}
