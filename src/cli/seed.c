/*
 * fashionjobs seed: demo data.  --demo loads the 22 postings of the seed
 * listing as given; --count N generates N realistic postings (companies,
 * titles in IT/FR/DE/EN, cities under their many spellings, contract labels
 * in four languages, dates over 60 days).  Rows go through the same
 * normalisers as everything else: titles and companies in C, cities and
 * contracts in SQL.  COPY into a staging table, then set-based SQL in one
 * transaction: 100 000 postings take seconds, not minutes.
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core.h"
#include "db.h"
#include "cli.h"
#include "scrape.h"

#define DAY	86400

struct row {
	const char	*company;
	const char	*title;
	const char	*contract;
	const char	*city;
	const char	*country;	/* where the city does not say it */
	const char	*lang;
	char		*description;
	long		 age;		/* seconds before now */
	int		 days;		/* until expiry */
	int		 salary_min, salary_max;
	const char	*period;
	const char	*remote;
	int		 agency;
};

struct lang_data {
	const char	*code;
	const char	*titles[24];
	const char	*contracts[8];
	const char	*paras[8];
	const char	*bullets[6];
	const char	*countries;	/* cities' countries, by preference */
};

/*
 * The seed listing of shared/seed-listing.txt, as given, but for the one
 * card that shows no city: its title names Bergamo (the Orio al Serio
 * outlet), so it is there, not a posting without a place.
 */
static const struct {
	const char	*company, *title, *city;
} listing[] = {
	{ "BALENCIAGA LOGISTICA S.R.L.", "Balenciaga - Supply Chain Specialist", "CERRETO GUIDI" },
	{ "MICHAEL PAGE ITALIA", "Retail Director Outlet Emea - Fashion - Milano", "MILAN" },
	{ "SHOWROOM 999", "Area Manager Italia/Estero", "MILANO" },
	{ "FOURCORNERS", "Customer Service Specialist", "DUBAI" },
	{ "MICHAEL KORS", "Sales Supervisor, Bergamo (Orio al Serio) - Part Time 32h", "BERGAMO" },
	{ "ANTONY MORATO", "District Manager Retail", "NOLA" },
	{ "MICHAEL PAGE ITALIA", "Area Manager Franchising Estero - Abbigliamento Lusso - Milano", "MILAN" },
	{ "RANDSTAD ITALIA", "Responsabile Vendite (Tessuti Per Arredamento)", "MONZA" },
	{ "JIMMY CHOO", "IT Factory Senior Manager", "FLORENCE" },
	{ "GUCCIO GUCCI S.P.A.", "Gucci_mrtw Design Collection Development Manager", "MILAN" },
	{ "CONFIDENTIEL", "Customer Service Specialist", "MILAN" },
	{ "LPP ITALY SRL", "Project Manager", "MILANO" },
	{ "ANTONIA SRL", "Buying Assistant_customer Care", "MILANO" },
	{ "FLAVIO CASTELLANI", "Showroom", "MILANO" },
	{ "SKECHERS", "Customer Service Representative", "VIMERCATE" },
	{ "LENET", "Addetto/a Affari Generali e Societari", "BOLZANO" },
	{ "HERMES ITALIE S.P.A.", "Stock Operations Manager - Boutique Milano", "MILANO" },
	{ "HERMES ITALIE S.P.A.", "in Store Customer Experience Specialist - Boutique Firenze", "FIRENZE" },
	{ "HERMES ITALIE S.P.A.", "in Store Customer Experience Specialist - Boutique Roma", "ROMA" },
	{ "HERMES ITALIE S.P.A.", "in Store Customer Experience Supervisor - Boutique Milano", "MILANO" },
	{ "HERMES ITALIE S.P.A.", "Press And Showroom Relations Coordinator", "MILANO" },
	{ "FOURCORNERS", "Responsabile Ricerca Pellami, Tessuti, Accessori e Lavorazioni - Calzatura", "VENEZIA" },
};

static const char	*agencies[] = {
	"MICHAEL PAGE ITALIA", "RANDSTAD ITALIA", "Michael Page", "Randstad",
	"Adecco Italia S.p.A.", "Hays", "Gi Group S.p.A.",
};

static const char	*companies[] = {
	"GUCCIO GUCCI S.P.A.", "Prada S.p.A.", "Valentino S.p.A.",
	"Moncler S.p.A.", "Max Mara Fashion Group S.r.l.",
	"Giorgio Armani S.p.A.", "Dolce&Gabbana S.r.l.", "Bottega Veneta",
	"Ermenegildo Zegna", "Loro Piana S.p.A.", "Brunello Cucinelli",
	"Salvatore Ferragamo S.p.A.", "Tod's S.p.A.", "Missoni", "Etro",
	"Chanel SAS", "Hermès International", "HERMES ITALIE S.P.A.",
	"Louis Vuitton Malletier", "Christian Dior Couture", "Céline",
	"Givenchy", "Saint Laurent", "BALENCIAGA LOGISTICA S.R.L.",
	"Kering", "LVMH", "Chloé", "Lanvin", "Hugo Boss AG", "Escada",
	"Adidas AG", "Puma SE", "Zalando SE", "Burberry Ltd", "Mulberry",
	"Alexander McQueen", "Stella McCartney", "Ralph Lauren",
	"Tapestry", "Tiffany & Co.", "MICHAEL KORS", "Calvin Klein",
	"Inditex", "Mango", "Loewe", "H&M", "COS", "Swarovski",
	"Cartier", "Bulgari S.p.A.", "Fendi S.r.l.", "Versace",
	"Miu Miu", "Golden Goose", "OTB", "Diesel", "Benetton Group S.r.l.",
	"Calzedonia", "Intimissimi", "Jil Sander", "ANTONY MORATO",
	"Michael Page", "Randstad", "Adecco Italia S.p.A.", "Hays",
	"Gi Group S.p.A.", "CONFIDENZIALE", "CONFIDENTIEL", "Confidential",
};

static const char	*cities_by_country[][10] = {
	{ "IT", "MILANO", "MILAN", "Milano", "FIRENZE", "Florence", "ROMA",
	    "Venezia", "Torino", "BERGAMO" },
	{ "FR", "Paris", "PARIS", "Parigi", "Lyon", "Cannes", "Nice",
	    "Marseille", "Bordeaux", "Pantin" },
	{ "DE", "München", "Munich", "MÜNCHEN", "Berlin", "Düsseldorf",
	    "DUSSELDORF", "Hamburg", "Frankfurt", "Metzingen" },
	{ "EN", "London", "LONDON", "New York", "NYC", "Dubai", "Hong Kong",
	    "Zürich", "Wien", "Madrid" },
	{ "XX", "Castelfranco di Sopra", "Saint-Rémy", "Oberursel",
	    "Ascot", "Montevarchi", "Cassina de' Pecchi", "Vaprio d'Adda",
	    "Tavarnelle", "Bagnolo" },
};

/*
 * The towns of the last row are not in the city table: the feed gives
 * their country, as a partner's item does, and the posting keeps it.
 */
static const char	*town_countries[10] = {
	NULL, "IT", "FR", "DE", "GB", "IT", "IT", "IT", "IT", "IT"
};

/*
 * Titles that name a city are posted in that city: a "Boutique Milano"
 * job in Paris is what no real board shows.
 */
static const struct {
	const char	*word, *city;
} title_cities[] = {
	{ "Milano", "Milano" }, { "Paris", "Paris" }, { "München", "München" },
};

static const struct lang_data	langs[] = {
	{ "it", {
	    "Addetto/a Vendite", "Responsabile Negozio", "Store Manager",
	    "Visual Merchandiser", "Area Manager", "Buyer Calzature",
	    "Modellista Abbigliamento Donna", "Sales Assistant - Boutique Milano",
	    "Magazziniere", "Stock Operations Manager - Boutique Milano",
	    "Responsabile Ufficio Stile", "Product Manager Pelletteria",
	    "Customer Service Specialist", "Addetto/a Controllo Qualità",
	    "Retail Operations Manager", "Merchandise Planner",
	    "Client Advisor (M/F)", "Sarta / Sarto",
	    "Prototipista Borse", "Coordinatore Showroom",
	    "Supply Chain Specialist", "HR Business Partner",
	    "E-commerce Manager", "Brand Ambassador - Part Time" },
	    { "Tempo Indeterminato", "Tempo Determinato", "Stage",
	    "Apprendistato", "Tempo Indeterminato - Part Time",
	    "Somministrazione", "Tirocinio", "Tempo Indeterminato" },
	    { "Per la nostra boutique cerchiamo una persona appassionata di moda e di servizio al cliente.",
	    "Il/la candidato/a ideale ha maturato esperienza nel retail del lusso e parla fluentemente inglese.",
	    "Offriamo un contratto stabile, formazione continua e uno sconto sui prodotti del marchio.",
	    "La risorsa riporterà direttamente allo Store Manager e collaborerà con il team di vendita.",
	    "Si richiede disponibilità a lavorare nei fine settimana e durante i periodi di saldi.",
	    "Inviare il CV con foto e l'autorizzazione al trattamento dei dati personali." },
	    { "Esperienza di almeno 2 anni nel ruolo", "Ottima conoscenza della lingua inglese",
	    "Orientamento al cliente", "Conoscenza del pacchetto Office",
	    "Capacità di lavorare in team", "Flessibilità oraria" },
	    "IT" },
	{ "fr", {
	    "Conseiller de Vente (H/F)", "Directeur de Boutique H/F",
	    "Responsable Visual Merchandising", "Chef de Produit Maroquinerie",
	    "Acheteur Prêt-à-Porter (F/H)", "Styliste Accessoires",
	    "Modéliste Femme", "Assistant(e) Commercial(e)",
	    "Gestionnaire de Stock", "Responsable Service Client",
	    "Couturière Retouches", "Chargé de Recrutement",
	    "Conseiller Clientèle Luxe", "Store Manager - Paris",
	    "Responsable Logistique", "Chef de Projet E-commerce",
	    "Vendeur Saisonnier (H/F)", "Directeur Régional Retail",
	    "Assistant Chef de Produit", "Brodeuse",
	    "Merchandiser", "Contrôleur de Gestion",
	    "Coordinateur Showroom", "Responsable Retail &amp;Amp; Opérations" },
	    { "CDI", "CDD", "Stage", "Alternance", "CDI - Temps partiel",
	    "Intérim", "CDI - Temps plein", "Saisonnier" },
	    { "Rejoignez une maison emblématique du luxe français et participez à son développement.",
	    "Vous avez une première expérience réussie dans la vente de produits de luxe.",
	    "Vous êtes reconnu(e) pour votre sens du service et votre excellente présentation.",
	    "Le poste est basé en boutique, avec des horaires du mardi au samedi.",
	    "Nous offrons une rémunération attractive, des primes sur objectifs et des avantages.",
	    "Merci d'envoyer votre candidature avec votre CV et une lettre de motivation." },
	    { "Maîtrise de l'anglais", "Sens du service client",
	    "Goût pour la mode", "Esprit d'équipe",
	    "Rigueur et organisation", "Une troisième langue est un plus" },
	    "FR" },
	{ "de", {
	    "Verkäufer (m/w/d)", "Filialleiter (w/m/x)",
	    "Visual Merchandiser (m/w/d)", "Store Manager - München",
	    "Einkäufer Schuhe (m/w/d)", "Modedesigner",
	    "Schnittdirektrice", "Lagermitarbeiter (m/w/d)",
	    "Kundenberater Luxus", "Teamleiter Kundenservice",
	    "Werkstudent E-Commerce (m/w/d)", "Area Sales Manager",
	    "Produktmanager Accessoires", "Schneider (m/w/d)",
	    "Assistant Store Manager", "Textillaborant",
	    "Personalreferent (m/w/d)", "Merchandise Planner",
	    "Retail Controller", "Logistikleiter",
	    "Aushilfe Verkauf", "Showroom Manager",
	    "Brand Manager", "Key Account Manager (m/w/d)" },
	    { "Festanstellung", "Unbefristet, Vollzeit", "Befristet",
	    "Praktikum", "Ausbildung", "Teilzeit", "Werkstudent",
	    "Vollzeit" },
	    { "Für unseren Flagship Store suchen wir eine engagierte Persönlichkeit mit Leidenschaft für Mode.",
	    "Sie verfügen über Erfahrung im Einzelhandel, idealerweise im Premium- oder Luxussegment.",
	    "Wir bieten ein attraktives Gehalt, Mitarbeiterrabatt und Weiterbildungsmöglichkeiten.",
	    "Sie berichten direkt an die Filialleitung und arbeiten eng mit dem Team zusammen.",
	    "Bitte senden Sie Ihre vollständigen Bewerbungsunterlagen über unser Portal.",
	    "Gute Englischkenntnisse setzen wir voraus." },
	    { "Abgeschlossene Ausbildung im Einzelhandel", "Sehr gute Deutsch- und Englischkenntnisse",
	    "Kundenorientierung", "Teamfähigkeit",
	    "Flexibilität", "Freude am Verkauf" },
	    "DE" },
	{ "en", {
	    "Sales Associate", "Store Manager", "Visual Merchandiser",
	    "Area Manager", "Buyer - Womenswear", "Fashion Designer",
	    "Pattern Cutter", "Client Advisor", "Stock Controller",
	    "Customer Service Representative", "E-commerce Manager",
	    "Product Developer", "Merchandise Planner", "Retail Director EMEA",
	    "Brand Manager", "Supply Chain Analyst", "HR Business Partner",
	    "Wholesale Account Manager", "Showroom Coordinator",
	    "Digital Marketing Specialist", "Creative Director",
	    "Operations Manager", "Sales Supervisor - Part Time",
	    "Data Analyst" },
	    { "Permanent", "Full time, Permanent", "Fixed term contract",
	    "Internship", "Part time", "Freelance", "Seasonal",
	    "Permanent" },
	    { "We are looking for a passionate professional to join our team in a flagship location.",
	    "You have experience in luxury retail and a natural talent for building client relationships.",
	    "You will report to the Store Director and lead a team of sales associates.",
	    "We offer a competitive salary, commission, staff discount and career development.",
	    "Please apply with your CV; only shortlisted candidates will be contacted.",
	    "Fluency in a second European language is highly desirable." },
	    { "Two years of experience in a similar role", "Excellent communication skills",
	    "Passion for fashion and luxury", "Strong commercial awareness",
	    "Flexibility to work weekends", "Team spirit" },
	    "EN" },
};

static const char	sql_empty[] =
    "SELECT NOT EXISTS (SELECT 1 FROM posting)";

static const char	sql_stage[] =
    "CREATE TEMP TABLE seed_stage ("
    " company_raw text, company_name text, company_key text,"
    " company_slug text, company_agency boolean, company_conf boolean,"
    " title_raw text, title text, slug text, contract_raw text,"
    " city_raw text, lang text, description text, apply_url text,"
    " age_s bigint, days int, salary_min numeric, salary_max numeric,"
    " salary_currency text, salary_period text, remote text,"
    " described tsvector, country text)";

static const char	sql_copy[] = "COPY seed_stage FROM STDIN";

/*
 * One transaction: companies first, then postings with cities resolved by
 * alias and contracts by the lexicon, with the import's resolve step
 * (RESOLVE_* in scrape.h: distinct labels and titles keyed once; the
 * schedule from the title only where the label does not give it), new
 * rows into the full-text index's pending list, merged in bulk after the
 * commit, and no JIT for statements that run once.  The descriptions'
 * words come computed (tsv.c), as in an import: PostgreSQL's parser on
 * them was most of a seed's time.
 */
static const char	sql_load[] =
    "BEGIN;"
    "SET LOCAL jit = off;"
    "SET LOCAL work_mem = '256MB';"
    "SET LOCAL gin_pending_list_limit = '256MB';"
    "INSERT INTO company (key, name, slug, is_agency, is_confidential)"
    " SELECT DISTINCT ON (company_key) company_key, company_name,"
    " company_slug, company_agency, company_conf FROM seed_stage"
    " ORDER BY company_key ON CONFLICT DO NOTHING;"
    "SELECT fj_city_ensure(city_raw) FROM (SELECT DISTINCT ON"
    " (fj_key(city_raw)) city_raw FROM seed_stage s WHERE NOT EXISTS"
    " (SELECT 1 FROM city_alias a WHERE a.key = fj_key(s.city_raw))) u;"
    "WITH" RESOLVE_LK("seed_stage") RESOLVE_SCHED RESOLVE_TK("seed_stage")
    "INSERT INTO posting (company_id, company_name, company_raw, title,"
    " title_raw, slug, contract, schedule, contract_raw, city_id,"
    " city_name, city_raw, country, description, apply_url, lang,"
    " remote, salary_min, salary_max, salary_currency, salary_period,"
    " status, posted_at, expires_at, updated_at, source, search)"
    " SELECT co.id, co.name, s.company_raw, s.title, s.title_raw, s.slug,"
    " lk.contract," RESOLVE_SCHEDULE ","
    " s.contract_raw, c.id,"
    " coalesce(c.name, ''),"
    " s.city_raw, coalesce(c.country, s.country), s.description, s.apply_url, s.lang, s.remote,"
    " s.salary_min, s.salary_max, s.salary_currency, s.salary_period,"
    " CASE WHEN fj_expired(now() - make_interval(secs => s.age_s) +"
    "  make_interval(days => s.days)) THEN 'expired' ELSE 'published'"
    "  END, now() - make_interval(secs => s.age_s),"
    " now() - make_interval(secs => s.age_s) + make_interval(days => s.days),"
    " now() - make_interval(secs => s.age_s), 'seed',"
    " fj_search_vector(s.title, co.name, coalesce(c.name, ''), s.city_raw,"
    "  s.description, s.described)"
    " FROM seed_stage s JOIN company co ON co.key = s.company_key"
    " JOIN lk ON lk.contract_raw = s.contract_raw"
    " JOIN tk ON tk.title = s.title"
    " LEFT JOIN city_alias a ON a.key = fj_key(s.city_raw)"
    " LEFT JOIN city c ON c.id = a.city_id;"
    "COMMIT;"
    "SET maintenance_work_mem = '256MB';"
    "SELECT gin_clean_pending_list('posting_search');"
    "SELECT fj_refresh_words();"
    "ANALYZE posting; ANALYZE company; ANALYZE search_word;";

static uint64_t	rng_state;

static uint64_t	 rng(void);
static size_t	 pick(size_t);
static void	 put_row(struct sbuf *, const struct row *, struct sbuf *);
static char	*describe(const struct lang_data *);
static void	 gen_row(struct row *);
static int	 is_agency(const char *);
static int	 flush(PGconn *, struct sbuf *);

/* splitmix64: small, fast, and the same sequence everywhere. */
static uint64_t
rng(void)
{
	uint64_t	z;

	z = (rng_state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return (z ^ (z >> 31));
}

static size_t
pick(size_t n)
{
	return ((size_t)(rng() % n));
}

static int
is_agency(const char *company)
{
	size_t	i;

	for (i = 0; i < sizeof(agencies) / sizeof(agencies[0]); i++)
		if (strcmp(company, agencies[i]) == 0)
			return (1);
	return (0);
}

/* words: for the description's vector, NULL when PostgreSQL computes it. */
static void
put_row(struct sbuf *b, const struct row *r, struct sbuf *words)
{
	struct norm_company	 co;
	char			*title, *slug, *cslug, num[32];
	const char		*f[23];
	size_t			 i;

	norm_company(r->company, &co);
	title = norm_title(r->title);
	slug = text_slug(title);
	cslug = text_slug(co.key);
	f[0] = r->company;
	f[1] = co.display;
	f[2] = co.key;
	f[3] = cslug;
	f[4] = r->agency ? "t" : "f";
	f[5] = co.confidential ? "t" : "f";
	f[6] = r->title;
	f[7] = title;
	f[8] = slug;
	f[9] = r->contract;
	f[10] = r->city;
	f[11] = r->lang;
	f[12] = r->description;
	f[13] = NULL;
	f[14] = NULL;
	f[15] = NULL;
	f[16] = NULL;
	f[17] = NULL;
	f[18] = r->salary_min ? "EUR" : NULL;
	f[19] = r->salary_min ? r->period : NULL;
	f[20] = r->remote;
	f[21] = NULL;
	f[22] = r->country;
	if (words != NULL) {
		sbuf_reset(words);
		if (tsv_text(r->description, words) == 0)
			f[21] = words->data != NULL ? words->data : "";
	}
	for (i = 0; i < 23; i++) {
		if (i > 0)
			sbuf_putc(b, '\t');
		switch (i) {
		case 13:
			sbuf_printf(b, "https://careers.example.com/apply/%s",
			    slug);
			break;
		case 14:
			sbuf_printf(b, "%ld", r->age);
			break;
		case 15:
			sbuf_printf(b, "%d", r->days);
			break;
		case 16:
		case 17:
			if (r->salary_min == 0) {
				sbuf_puts(b, "\\N");
				break;
			}
			(void)snprintf(num, sizeof(num), "%d",
			    i == 16 ? r->salary_min : r->salary_max);
			sbuf_puts(b, num);
			break;
		default:
			db_copy_field(b, f[i]);
			break;
		}
	}
	sbuf_putc(b, '\n');
	free(title);
	free(slug);
	free(cslug);
	norm_company_free(&co);
}

/* Six indexes in a random order: each paragraph or bullet once. */
static void
deal(size_t ix[6])
{
	size_t	 i, j, t;

	for (i = 0; i < 6; i++)
		ix[i] = i;
	for (i = 5; i > 0; i--) {
		j = pick(i + 1);
		t = ix[i];
		ix[i] = ix[j];
		ix[j] = t;
	}
}

/*
 * 3 to 6 paragraphs, one of them a list: plain text, never HTML.  No line
 * is written twice in one description.
 */
static char *
describe(const struct lang_data *l)
{
	struct sbuf	 b;
	size_t		 n, i, k, p, para[6], bul[6];

	sbuf_init(&b);
	deal(para);
	deal(bul);
	n = 3 + pick(4);
	k = pick(n);
	for (i = p = 0; i < n; i++) {
		if (i > 0)
			sbuf_puts(&b, "\n\n");
		if (i == k) {
			sbuf_printf(&b, "- %s\n- %s\n- %s",
			    l->bullets[bul[0]], l->bullets[bul[1]],
			    l->bullets[bul[2]]);
		} else
			sbuf_puts(&b, l->paras[para[p++]]);
	}
	return (sbuf_steal(&b));
}

static void
gen_row(struct row *r)
{
	const struct lang_data	*l;
	size_t			 c, k, li, roll;

	/* IT 40%, FR 25%, DE 15%, EN 20%. */
	roll = pick(100);
	li = roll < 40 ? 0 : roll < 65 ? 1 : roll < 80 ? 2 : 3;
	l = &langs[li];
	memset(r, 0, sizeof(*r));
	r->lang = l->code;
	r->title = l->titles[pick(24)];
	r->contract = l->contracts[pick(8)];
	r->company = companies[pick(sizeof(companies) / sizeof(companies[0]))];
	r->agency = is_agency(r->company);
	/* Mostly the posting's own country, sometimes abroad or unknown. */
	roll = pick(100);
	c = roll < 75 ? li : roll < 97 ? pick(4) : 4;
	k = 1 + pick(9);
	r->city = cities_by_country[c][k];
	r->country = c == 4 ? town_countries[k] : NULL;
	for (k = 0; k < sizeof(title_cities) / sizeof(title_cities[0]); k++)
		if (strstr(r->title, title_cities[k].word) != NULL) {
			r->city = title_cities[k].city;
			r->country = NULL;
		}
	r->description = describe(l);
	r->age = (long)pick(60 * DAY);
	r->days = 30 + (int)pick(61);
	r->remote = pick(100) < 90 ? "onsite" : pick(2) ? "hybrid" : "remote";
	if (pick(100) < 30) {
		r->period = pick(10) < 8 ? "year" : "month";
		r->salary_min = strcmp(r->period, "year") == 0 ?
		    22000 + (int)pick(60) * 1000 : 1400 + (int)pick(30) * 100;
		r->salary_max = r->salary_min + r->salary_min / 5;
	}
}

static int
flush(PGconn *conn, struct sbuf *b)
{
	if (b->len == 0)
		return (0);
	if (PQputCopyData(conn, b->data, (int)b->len) != 1) {
		fprintf(stderr, "seed: %s", PQerrorMessage(conn));
		return (-1);
	}
	sbuf_reset(b);
	return (0);
}

int
cmd_seed(int argc, char **argv)
{
	PGconn		*conn;
	PGresult	*res;
	struct sbuf	 b, words, *w;
	struct row	 r;
	struct timespec	 t0, t1;
	long		 count, i, total;
	int		 demo, if_empty, rc, ok;
	size_t		 k;
	char		*end;

	count = 0;
	demo = if_empty = 0;
	rng_state = 1;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--demo") == 0)
			demo = 1;
		else if (strcmp(argv[i], "--if-empty") == 0)
			if_empty = 1;
		else if ((strcmp(argv[i], "--count") == 0 ||
		    strcmp(argv[i], "--seed") == 0) && i + 1 < argc) {
			if (argv[i][2] == 'c') {
				count = strtol(argv[++i], &end, 10);
				if (*end != '\0' || count < 0 ||
				    count > 10000000) {
					fprintf(stderr, "seed: --count takes "
					    "0 to 10000000\n");
					return (2);
				}
			} else
				rng_state = strtoull(argv[++i], NULL, 10);
		} else {
			fprintf(stderr, "usage: fashionjobs seed [--demo] "
			    "[--count N] [--if-empty] [--seed S]\n");
			return (2);
		}
	}
	if ((conn = db_connect()) == NULL)
		return (1);
	if (if_empty) {
		res = db_exec(conn, "seed", sql_empty, 0, NULL);
		if (res == NULL || strcmp(PQgetvalue(res, 0, 0), "t") != 0) {
			if (res != NULL)
				printf("seed: the database has postings; "
				    "nothing loaded\n");
			rc = res == NULL;
			PQclear(res);
			PQfinish(conn);
			return (rc);
		}
		PQclear(res);
	}

	clock_gettime(CLOCK_MONOTONIC, &t0);
	rc = 1;
	sbuf_init(&b);
	sbuf_init(&words);
	if ((ok = db_words_ok(conn, "seed")) == -1)
		goto done;
	w = ok ? &words : NULL;
	/* The staged rows stay in memory (8 MB by default; see stage.c). */
	if (db_run(conn, "seed", "SET temp_buffers = '256MB'", 0, NULL) == -1 ||
	    db_run(conn, "seed", sql_stage, 0, NULL) == -1)
		goto done;
	res = PQexec(conn, sql_copy);
	if (PQresultStatus(res) != PGRES_COPY_IN) {
		fprintf(stderr, "seed: %s", PQerrorMessage(conn));
		PQclear(res);
		goto done;
	}
	PQclear(res);

	total = 0;
	for (k = 0; demo && k < sizeof(listing) / sizeof(listing[0]); k++) {
		memset(&r, 0, sizeof(r));
		r.company = listing[k].company;
		r.title = listing[k].title;
		r.city = listing[k].city;
		r.contract = "Tempo Indeterminato";
		r.lang = "it";
		r.description = describe(&langs[0]);
		/* Newest first, in the listing's order. */
		r.age = (long)k * 3600;
		r.days = 30;
		r.remote = "onsite";
		r.agency = is_agency(r.company);
		put_row(&b, &r, w);
		free(r.description);
		total++;
	}
	for (i = 0; i < count; i++) {
		gen_row(&r);
		/* Generated postings are older than the listing's. */
		r.age += 24 * 3600;
		put_row(&b, &r, w);
		free(r.description);
		total++;
		if (b.len > (1 << 20) && flush(conn, &b) == -1)
			goto done;
	}
	if (flush(conn, &b) == -1 || PQputCopyEnd(conn, NULL) != 1)
		goto done;
	res = PQgetResult(conn);
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		fprintf(stderr, "seed: copy: %s", PQresultErrorMessage(res));
		PQclear(res);
		goto done;
	}
	PQclear(res);
	res = PQexec(conn, sql_load);
	if (PQresultStatus(res) != PGRES_COMMAND_OK &&
	    PQresultStatus(res) != PGRES_TUPLES_OK) {
		fprintf(stderr, "seed: %s", PQresultErrorMessage(res));
		PQclear(res);
		PQclear(PQexec(conn, "ROLLBACK"));
		goto done;
	}
	PQclear(res);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("seed: %ld postings in %.2f s\n", total,
	    (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	rc = 0;
done:
	sbuf_free(&b);
	sbuf_free(&words);
	PQfinish(conn);
	return (rc);
}
