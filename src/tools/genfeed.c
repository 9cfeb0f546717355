/*
 * genfeed N: a realistic multilingual Indeed-style feed of N jobs on
 * stdout, for the benchmarks (about 1.5 KB a job).  Deterministic.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t	state = 42;

static uint64_t	rnd(void);

static uint64_t
rnd(void)
{
	uint64_t	z = (state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return (z ^ (z >> 31));
}

#define PICK(a)	(a[rnd() % (sizeof(a) / sizeof(a[0]))])

static const char	*companies[] = {
	"GUCCIO GUCCI S.P.A.", "Prada S.p.A.", "Hermès International",
	"Chanel SAS", "Hugo Boss AG", "Burberry Ltd", "Dolce&amp;Gabbana S.r.l.",
	"Max Mara Fashion Group S.r.l.", "Louis Vuitton Malletier", "Moncler",
	"Zalando SE", "Tiffany &amp; Co.", "Valentino S.p.A.", "Celine",
};
static const char	*titles[] = {
	"Addetto/a Vendite", "Store Manager", "Conseiller de Vente (H/F)",
	"Verkäufer (m/w/d)", "Visual Merchandiser", "Area Manager Retail",
	"Responsable Boutique H/F", "Client Advisor", "Buyer Womenswear",
	"Filialleiter (w/m/x)", "Modellista", "Stock Controller",
};
static const char	*places[][2] = {
	{ "MILANO", "IT" }, { "Milan", "IT" }, { "Mailand", "IT" },
	{ "FIRENZE", "IT" }, { "Roma", "IT" }, { "Paris", "FR" },
	{ "Lyon", "FR" }, { "München", "DE" }, { "Munich", "DE" },
	{ "Düsseldorf", "DE" }, { "London", "GB" }, { "Wien", "AT" },
};
static const char	*types[] = {
	"Tempo Indeterminato", "CDI", "Vollzeit, unbefristet", "Full-time",
	"Stage", "CDD - Temps partiel", "Praktikum", "Part-time",
};
static const char	*paras[] = {
	"<p>Per la nostra boutique cerchiamo una persona appassionata di moda "
	"e di servizio al cliente, con esperienza nel retail del lusso.</p>",
	"<p>Rejoignez une maison emblématique du luxe fran&ccedil;ais et "
	"participez &agrave; son développement en boutique.</p>",
	"<p>Sie verfügen über Erfahrung im Einzelhandel, idealerweise im "
	"Premium- oder Luxussegment, und lieben den Kontakt mit Kunden.</p>",
	"<p>We offer a competitive salary, commission, staff discount and "
	"real career development across our European stores.</p>",
	"<ul><li>Two years of experience</li><li>Fluent English</li>"
	"<li>Passion for fashion</li></ul>",
};

int
main(int argc, char **argv)
{
	long	n, i;
	int	k, p;

	n = argc > 1 ? strtol(argv[1], NULL, 10) : 1000;
	printf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<source>\n"
	    "<publisher>Bench Board</publisher>\n"
	    "<publisherurl>https://bench.example/</publisherurl>\n");
	for (i = 0; i < n; i++) {
		p = (int)(rnd() % (sizeof(places) / sizeof(places[0])));
		printf("<job>\n<title><![CDATA[%s - %ld]]></title>\n"
		    "<date><![CDATA[Mon, %02d Nov 2026 09:00:00 GMT]]></date>\n"
		    "<referencenumber><![CDATA[B-%ld]]></referencenumber>\n"
		    "<url><![CDATA[https://bench.example/jobs/%ld]]></url>\n"
		    "<company><![CDATA[%s]]></company>\n"
		    "<city><![CDATA[%s]]></city>\n"
		    "<country><![CDATA[%s]]></country>\n"
		    "<jobtype><![CDATA[%s]]></jobtype>\n<description><![CDATA[",
		    PICK(titles), i % 997, 1 + (int)(rnd() % 20), i, i,
		    PICK(companies), places[p][0], places[p][1], PICK(types));
		for (k = 0; k < 3 + (int)(rnd() % 3); k++)
			fputs(PICK(paras), stdout);
		printf("]]></description>\n"
		    "<expirationdate>2027-01-%02d</expirationdate>\n</job>\n",
		    1 + (int)(rnd() % 28));
	}
	printf("</source>\n");
	return (0);
}
