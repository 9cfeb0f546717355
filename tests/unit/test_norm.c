/*
 * Title and company normalisers, table-driven: values from the seed
 * listing and from feeds in the wild.
 */

#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "harness.h"

static const struct {
	const char	*in, *want;
} titles[] = {
	/* The seed listing, unchanged. */
	{ "Balenciaga - Supply Chain Specialist",
	    "Balenciaga - Supply Chain Specialist" },
	{ "Area Manager Italia/Estero", "Area Manager Italia/Estero" },
	{ "Sales Supervisor, Bergamo (Orio al Serio) - Part Time 32h",
	    "Sales Supervisor, Bergamo (Orio al Serio) - Part Time 32h" },
	{ "Gucci_mrtw Design Collection Development Manager",
	    "Gucci_mrtw Design Collection Development Manager" },
	{ "Addetto/a Affari Generali e Societari",
	    "Addetto/a Affari Generali e Societari" },
	{ "Responsabile Vendite (Tessuti Per Arredamento)",
	    "Responsabile Vendite (Tessuti Per Arredamento)" },
	/* Gender markers. */
	{ "Sales Assistant (H/F)", "Sales Assistant" },
	{ "Verkäufer (m/w/d) - Flagship Store", "Verkäufer - Flagship Store" },
	{ "Store Manager (w/m/x)", "Store Manager" },
	{ "Vendeur H/F", "Vendeur" },
	{ "Vendeur (F/H) CDI", "Vendeur CDI" },
	{ "Stylist (M/F/D)", "Stylist" },
	{ "Designer (all genders)", "Designer" },
	{ "Filialleiter [m/w/d]", "Filialleiter" },
	{ "Key Account Manager (M / W / D)", "Key Account Manager" },
	{ "Sales Advisor (d/f/m)", "Sales Advisor" },
	{ "Visual Merchandiser (M/F)", "Visual Merchandiser" },
	{ "Verkäufer m/w/d", "Verkäufer" },
	{ "Vendeuse (h/f) | Paris", "Vendeuse | Paris" },
	/* Entities, once or doubly escaped. */
	{ "Retail &amp;Amp; Operations", "Retail & Operations" },
	{ "Retail &Amp; Operations", "Retail & Operations" },
	{ "Buyer &amp;amp; Merchandiser", "Buyer & Merchandiser" },
	{ "Caf&eacute; Manager", "Café Manager" },
	{ "R&D Manager", "R&D Manager" },
	{ "Sales &AMP; Service", "Sales & Service" },
	{ "Merchandiser &Quot;Kids&Quot;", "Merchandiser \"Kids\"" },
	/* At most twice: a third level of escaping stays. */
	{ "A &amp;amp;amp; B", "A &amp; B" },
	{ "Buyer&nbsp;Assistant", "Buyer Assistant" },
	/* Whitespace and dangling separators. */
	{ "  Area   Manager  ", "Area Manager" },
	{ "  Area Manager Italia/Estero  ", "Area Manager Italia/Estero" },
	{ "Store Manager -", "Store Manager" },
	{ "Store Manager |", "Store Manager" },
	{ "Store Manager ,", "Store Manager" },
	{ "Store Manager - | ,", "Store Manager" },
	{ "- Store Manager", "Store Manager" },
	{ "Line\tone\r\ntwo", "Line one two" },
	{ "(H/F)", "" },
	{ "   ", "" },
	{ "Store Manager (H/F) - ", "Store Manager" },
	{ "", "" },
};

static const struct {
	const char	*in, *display, *key;
	int		 confidential;
} companies[] = {
	{ "HERMES ITALIE S.P.A.", "HERMES ITALIE S.P.A.", "hermes italie", 0 },
	{ "Hermès Italie S.p.A.", "Hermès Italie S.p.A.", "hermes italie", 0 },
	{ "GUCCIO GUCCI S.P.A.", "GUCCIO GUCCI S.P.A.", "guccio gucci", 0 },
	{ "BALENCIAGA LOGISTICA S.R.L.", "BALENCIAGA LOGISTICA S.R.L.",
	    "balenciaga logistica", 0 },
	{ "LPP ITALY SRL", "LPP ITALY SRL", "lpp italy", 0 },
	{ "ANTONIA SRL", "ANTONIA SRL", "antonia", 0 },
	{ "Prada Retail UK Ltd.", "Prada Retail UK Ltd.", "prada retail uk",
	    0 },
	{ "Hugo Boss AG", "Hugo Boss AG", "hugo boss", 0 },
	{ "Chanel SAS", "Chanel SAS", "chanel", 0 },
	{ "Zalando SE", "Zalando SE", "zalando", 0 },
	{ "Max Mara Fashion Group S.r.l.", "Max Mara Fashion Group S.r.l.",
	    "max mara fashion group", 0 },
	{ "Dolce&amp;Gabbana S.r.l.", "Dolce&Gabbana S.r.l.",
	    "dolce gabbana", 0 },
	{ "Tiffany & Co.", "Tiffany & Co.", "tiffany", 0 },
	{ "Boss GmbH & Co. KG", "Boss GmbH & Co. KG", "boss", 0 },
	{ "MICHAEL PAGE ITALIA", "MICHAEL PAGE ITALIA", "michael page italia",
	    0 },
	{ "SHOWROOM 999", "SHOWROOM 999", "showroom 999", 0 },
	{ "CONFIDENTIEL", "CONFIDENTIEL", "confidentiel", 1 },
	{ "Confidenziale", "Confidenziale", "confidenziale", 1 },
	{ "CONFIDENTIAL", "CONFIDENTIAL", "confidential", 1 },
	{ "ANONIMA", "ANONIMA", "anonima", 1 },
	{ "Azienda Confidenziale", "Azienda Confidenziale",
	    "azienda confidenziale", 1 },
	{ "  Chanel   SAS ", "Chanel SAS", "chanel", 0 },
	{ "Louis Vuitton Malletier SA", "Louis Vuitton Malletier SA",
	    "louis vuitton malletier", 0 },
	{ "Acme Holding GmbH", "Acme Holding GmbH", "acme holding", 0 },
	{ "Foo Inc.", "Foo Inc.", "foo", 0 },
	{ "Bar LLC", "Bar LLC", "bar", 0 },
	{ "Baz Limited", "Baz Limited", "baz", 0 },
	{ "Qux B.V.", "Qux B.V.", "qux", 0 },
	{ "Moda S.r.l.s.", "Moda S.r.l.s.", "moda", 0 },
	{ "Ditta S.n.c.", "Ditta S.n.c.", "ditta", 0 },
	{ "Quux PLC", "Quux PLC", "quux", 0 },
	/* Suffix words inside the name stay. */
	{ "SA Fashion Group", "SA Fashion Group", "sa fashion group", 0 },
	{ "Anonyme", "Anonyme", "anonyme", 1 },
	{ "Anonymous", "Anonymous", "anonymous", 1 },
	{ "Vertraulich", "Vertraulich", "vertraulich", 1 },
	{ "Confidencial", "Confidencial", "confidencial", 1 },
	{ "ENTREPRISE CONFIDENTIELLE", "ENTREPRISE CONFIDENTIELLE",
	    "entreprise confidentielle", 1 },
	{ "Société Confidentielle", "Société Confidentielle",
	    "societe confidentielle", 1 },
	{ "Confidential Consulting Ltd", "Confidential Consulting Ltd",
	    "confidential consulting", 0 },
	/* Nothing would be left: the key keeps its words. */
	{ "SRL", "SRL", "srl", 0 },
	{ "S.p.A.", "S.p.A.", "s p a", 0 },
	{ "", "", "", 0 },
};

int
main(void)
{
	struct norm_company	 c;
	char			*s, name[256];
	size_t			 i;

	for (i = 0; i < sizeof(titles) / sizeof(titles[0]); i++) {
		s = norm_title(titles[i].in);
		/* Names stay on one line: the harness's output is read so. */
		(void)snprintf(name, sizeof(name), "norm_title \"%.*s\"",
		    (int)strcspn(titles[i].in, "\t\r\n"), titles[i].in);
		CHECK_STR(name, s, titles[i].want);
		free(s);
	}
	for (i = 0; i < sizeof(companies) / sizeof(companies[0]); i++) {
		norm_company(companies[i].in, &c);
		(void)snprintf(name, sizeof(name), "norm_company \"%s\" key",
		    companies[i].in);
		CHECK_STR(name, c.key, companies[i].key);
		(void)snprintf(name, sizeof(name),
		    "norm_company \"%s\" display", companies[i].in);
		CHECK_STR(name, c.display, companies[i].display);
		(void)snprintf(name, sizeof(name),
		    "norm_company \"%s\" confidential", companies[i].in);
		CHECK(name, c.confidential == companies[i].confidential);
		norm_company_free(&c);
	}
	return (DONE());
}
