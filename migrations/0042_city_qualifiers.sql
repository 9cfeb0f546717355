-- City labels with a qualifier: "Bergamo (BG)", "Lyon (69)", "Boston, MA",
-- "München, Bayern", "Lisbon, Portugal", "Dubai - UAE", "Paris 8e".  A
-- label whose key is no alias is read as a known city's alias with words
-- before or after it that are all qualifiers consistent with that city's
-- country: the country's name or code (it, fr, de, en, es), a region,
-- province, state or département we know for it, a postcode or
-- arrondissement of its shape, or a word that names no place ("area",
-- "e provincia", "cedex").  "Paris, Texas" and "Paris (TX)" stay
-- provisional: Texas is no qualifier of France.  fj_city_ensure learns such a label
-- as an alias of its city (lang 'qualified'), so every lookup by key
-- (scraper, seed, recruiter postings) finds it; fj_city_id reads it too.

-- Qualifiers by key; country '*' for words that fit any country.
CREATE TABLE city_qualifier (
	country		text NOT NULL,
	key		text NOT NULL,
	PRIMARY KEY (country, key)
);

-- Shapes of postcodes and arrondissements, by country (regular
-- expressions over keys).
CREATE TABLE city_qualifier_shape (
	country		text NOT NULL,
	pattern		text NOT NULL,
	PRIMARY KEY (country, pattern)
);

CREATE TEMP TABLE q_src (country text, names text);
INSERT INTO q_src VALUES
-- Countries, in it/fr/de/en/es, ISO 3166 alpha-2 and alpha-3.
('IT', 'Italia|Italy|Italie|Italien|IT|ITA|I'),
('FR', 'France|Francia|Frankreich|FR|FRA|F'),
('MC', 'Monaco|Principato di Monaco|Principauté de Monaco|Fürstentum Monaco|Principality of Monaco|MC|MCO'),
('DE', 'Germania|Allemagne|Deutschland|Germany|Alemania|DE|DEU|D|BRD'),
('AT', 'Austria|Autriche|Österreich|AT|AUT|A'),
('CH', 'Svizzera|Suisse|Schweiz|Switzerland|Suiza|CH|CHE|Confoederatio Helvetica'),
('ES', 'Spagna|Espagne|Spanien|Spain|España|ES|ESP|E'),
('PT', 'Portogallo|Portugal|PT|PRT'),
('GB', 'Regno Unito|Royaume-Uni|Vereinigtes Königreich|United Kingdom|Reino Unido|Gran Bretagna|Grande-Bretagne|Großbritannien|Great Britain|Gran Bretaña|Inghilterra|Angleterre|England|Inglaterra|Scotland|Scozia|Écosse|Schottland|Escocia|Wales|GB|GBR|UK|U.K.'),
('IE', 'Irlanda|Irlande|Irland|Ireland|Republic of Ireland|Éire|IE|IRL'),
('NL', 'Paesi Bassi|Olanda|Pays-Bas|Hollande|Niederlande|Holland|Netherlands|The Netherlands|Países Bajos|Holanda|Nederland|NL|NLD'),
('BE', 'Belgio|Belgique|Belgien|Belgium|Bélgica|België|BE|BEL'),
('LU', 'Lussemburgo|Luxembourg|Luxemburg|Luxemburgo|LU|LUX'),
('DK', 'Danimarca|Danemark|Dänemark|Denmark|Dinamarca|Danmark|DK|DNK'),
('SE', 'Svezia|Suède|Schweden|Sweden|Suecia|Sverige|SE|SWE'),
('NO', 'Norvegia|Norvège|Norwegen|Norway|Noruega|Norge|NO|NOR'),
('FI', 'Finlandia|Finlande|Finnland|Finland|Suomi|FI|FIN'),
('PL', 'Polonia|Pologne|Polen|Poland|Polska|PL|POL'),
('CZ', 'Repubblica Ceca|Cechia|République tchèque|Tschechien|Czech Republic|Czechia|República Checa|Chequia|CZ|CZE'),
('HU', 'Ungheria|Hongrie|Ungarn|Hungary|Hungría|Magyarország|HU|HUN'),
('RO', 'Romania|Roumanie|Rumänien|Rumania|România|RO|ROU'),
('GR', 'Grecia|Grèce|Griechenland|Greece|Hellas|GR|GRC'),
('TR', 'Turchia|Turquie|Türkei|Turkey|Türkiye|Turquía|TR|TUR'),
('AE', 'Emirati Arabi Uniti|Emirati Arabi|Émirats arabes unis|EAU|Vereinigte Arabische Emirate|VAE|United Arab Emirates|UAE|U.A.E.|Emiratos Árabes Unidos|AE|ARE'),
('QA', 'Qatar|Katar|QA|QAT'),
('SA', 'Arabia Saudita|Arabie saoudite|Saudi-Arabien|Saudi Arabia|Kingdom of Saudi Arabia|KSA|SA|SAU'),
('KW', 'Kuwait|Koweït|KW|KWT|State of Kuwait'),
('IL', 'Israele|Israël|Israel|IL|ISR'),
('HK', 'China|Cina|Chine|Hong Kong|Hongkong|Hong Kong SAR|SAR|HKSAR|HK|HKG|Hong Kong China|RAS de Hong Kong'),
('CN', 'Cina|Chine|China|PRC|P.R.C.|People''s Republic of China|Repubblica Popolare Cinese|CN|CHN|Mainland China'),
('MO', 'China|Cina|Chine|Macao|Macau|SAR|Macau SAR|Macao SAR|MO|MAC'),
('JP', 'Giappone|Japon|Japan|Japón|JP|JPN|Nippon'),
('KR', 'Corea del Sud|Corée du Sud|Südkorea|South Korea|Korea|Republic of Korea|KR|KOR'),
('SG', 'Singapore|Singapour|Singapur|SG|SGP|Republic of Singapore'),
('TH', 'Thailandia|Thaïlande|Thailand|Tailandia|TH|THA'),
('MY', 'Malesia|Malaisie|Malaysia|Malasia|MY|MYS'),
('TW', 'Taiwan|Taïwan|Taiwán|TW|TWN|ROC'),
('IN', 'India|Inde|Indien|IN|IND'),
('US', 'Stati Uniti|Stati Uniti d''America|USA|U.S.A.|US|U.S.|United States|United States of America|États-Unis|Etats-Unis|Vereinigte Staaten|Estados Unidos|EEUU|EE.UU.|America|Amerika|Amérique'),
('CA', 'Canada|Kanada|Canadá|CA|CAN'),
('MX', 'Messico|Mexique|Mexiko|Mexico|México|MX|MEX'),
('BR', 'Brasile|Brésil|Brasilien|Brazil|Brasil|BR|BRA'),
('AR', 'Argentina|Argentine|Argentinien|AR|ARG'),
('AU', 'Australia|Australie|Australien|AU|AUS'),
-- Italy: regions (it, en, fr, de), provinces by code and by name.
('IT', 'Lombardia|Lombardy|Lombardie|Lombardei|Toscana|Tuscany|Toscane|Toskana|Veneto|Vénétie|Venetien|Lazio|Latium|Piemonte|Piedmont|Piémont|Emilia-Romagna|Émilie-Romagne|Campania|Campanie|Kampanien|Liguria|Ligurie|Ligurien|Sicilia|Sicily|Sicile|Sizilien|Sardegna|Sardinia|Sardaigne|Sardinien|Puglia|Apulia|Pouilles|Apulien|Marche|Marches|Marken|Umbria|Ombrie|Umbrien|Trentino-Alto Adige|Trentino|Alto Adige|Südtirol|South Tyrol|Friuli-Venezia Giulia|Friuli|Abruzzo|Abruzzes|Calabria|Calabre|Basilicata|Molise|Valle d''Aosta|Vallée d''Aoste|Brianza|Monza e Brianza|Costa Smeralda|Riviera Ligure|Versilia|Mugello|Valdarno|Chianti'),
('IT', 'AG|AL|AN|AO|AP|AQ|AR|AT|AV|BA|BG|BI|BL|BN|BO|BR|BS|BT|BZ|CA|CB|CE|CH|CL|CN|CO|CR|CS|CT|CZ|EN|FC|FE|FG|FI|FM|FR|GE|GO|GR|IM|IS|KR|LC|LE|LI|LO|LT|LU|MB|MC|ME|MI|MN|MO|MS|MT|NA|NO|NU|OR|PA|PC|PD|PE|PG|PI|PN|PO|PR|PT|PU|PV|PZ|RA|RC|RE|RG|RI|RM|RN|RO|SA|SI|SO|SP|SR|SS|SU|SV|TA|TE|TN|TO|TP|TR|TS|TV|UD|VA|VB|VC|VE|VI|VR|VT|VV'),
('IT', 'Agrigento|Alessandria|Ancona|Aosta|Ascoli Piceno|L''Aquila|Arezzo|Asti|Avellino|Bari|Bergamo|Biella|Belluno|Benevento|Bologna|Barletta-Andria-Trani|Bolzano|Brescia|Brindisi|Cagliari|Campobasso|Caserta|Chieti|Caltanissetta|Cuneo|Como|Cremona|Cosenza|Catania|Catanzaro|Enna|Forlì-Cesena|Ferrara|Foggia|Firenze|Florence|Fermo|Frosinone|Genova|Gorizia|Grosseto|Imperia|Isernia|Crotone|Lecco|Lecce|Livorno|Lodi|Latina|Lucca|Macerata|Messina|Milano|Milan|Mantova|Modena|Massa-Carrara|Matera|Napoli|Novara|Nuoro|Oristano|Palermo|Piacenza|Padova|Pescara|Perugia|Pisa|Pordenone|Prato|Parma|Pistoia|Pesaro e Urbino|Pesaro-Urbino|Pavia|Potenza|Ravenna|Reggio Calabria|Reggio Emilia|Ragusa|Rieti|Roma|Rome|Rimini|Rovigo|Salerno|Siena|Sondrio|La Spezia|Siracusa|Sassari|Sud Sardegna|Savona|Taranto|Teramo|Trento|Torino|Turin|Trapani|Terni|Trieste|Treviso|Udine|Varese|Verbano-Cusio-Ossola|Vercelli|Venezia|Venice|Vicenza|Verona|Viterbo|Vibo Valentia|Provincia di Milano|Città metropolitana di Milano|Città metropolitana di Firenze|Città metropolitana di Roma Capitale|Roma Capitale|Capitale'),
-- France: regions, départements by name (numbers are shapes, below).
('FR', 'Île-de-France|Ile de France|IDF|Provence-Alpes-Côte d''Azur|PACA|Provence|Côte d''Azur|French Riviera|Riviera|Auvergne-Rhône-Alpes|Rhône-Alpes|Rhône|Bouches-du-Rhône|Alpes-Maritimes|Var|Gironde|Nord|Hauts-de-France|Nord-Pas-de-Calais|Occitanie|Haute-Garonne|Hérault|Bas-Rhin|Grand Est|Alsace|Loire-Atlantique|Pays de la Loire|Nouvelle-Aquitaine|Aquitaine|Bretagne|Brittany|Normandie|Normandy|Savoie|Haute-Savoie|Hauts-de-Seine|Seine-Saint-Denis|Val-de-Marne|Seine-et-Marne|Yvelines|Essonne|Val-d''Oise|Corse|Corsica|Métropole de Lyon|Grand Lyon|Grand Paris|Paris|Marne-la-Vallée|Arrondissement|ème arrondissement|er arrondissement|Cedex'),
-- Monaco.
('MC', 'Monte Carlo|Monte-Carlo|Monaco-Ville|Fontvieille|Principato|Principauté'),
-- Germany: Länder (de, en, it, fr, es) and their codes.
('DE', 'Bayern|Bavaria|Baviera|Bavière|BY|Berlin|BE|Hamburg|HH|Hessen|Hesse|Assia|HE|Nordrhein-Westfalen|North Rhine-Westphalia|NRW|NW|Baden-Württemberg|BW|Sachsen|Saxony|Sassonia|Saxe|SN|Niedersachsen|Lower Saxony|NI|Bremen|HB|Brandenburg|BB|Rheinland-Pfalz|Rhineland-Palatinate|RP|Saarland|SL|Schleswig-Holstein|SH|Thüringen|Thuringia|TH|Sachsen-Anhalt|ST|Mecklenburg-Vorpommern|MV|Oberbayern|Upper Bavaria|Mittelfranken|Franken|Rhein-Main|Rhein-Main-Gebiet|Ruhrgebiet|Metropolregion|Stadt|Innenstadt|Mitte'),
-- Austria: Länder and codes.
('AT', 'Wien|Vienna|W|Niederösterreich|Lower Austria|NÖ|NOE|Oberösterreich|Upper Austria|OÖ|OOE|Salzburg|Sbg|Tirol|Tyrol|T|Vorarlberg|Vbg|Kärnten|Carinthia|Steiermark|Styria|Stmk|Burgenland|Bgld|B|Innere Stadt|Bezirk'),
-- Switzerland: cantons (names and codes).
('CH', 'ZH|GE|TI|BS|BL|BE|VD|LU|ZG|SG|AG|GR|VS|NE|FR|SZ|TG|SO|Zürich|Zurich|Genève|Geneva|Genf|Ginevra|Ticino|Tessin|Basel-Stadt|Bâle-Ville|Basel-Landschaft|Bern|Berne|Vaud|Waadt|Luzern|Lucerne|Zug|Zoug|St. Gallen|Aargau|Argovie|Graubünden|Grisons|Grigioni|Valais|Wallis|Neuchâtel|Fribourg|Freiburg|Schwyz|Canton|Kanton|Cantone'),
-- Spain: communities and provinces (names and codes).
('ES', 'Comunidad de Madrid|Madrid|M|Cataluña|Catalunya|Catalonia|Catalogna|Catalogne|Katalonien|Barcelona|B|Andalucía|Andalusia|Andalousie|Andalusien|Málaga|MA|Sevilla|SE|Comunidad Valenciana|Comunitat Valenciana|Valencia|V|Islas Baleares|Illes Balears|Baleares|Balearic Islands|Baleari|Mallorca|Majorca|PM|IB|Galicia|A Coruña|La Coruña|C|País Vasco|Euskadi|Basque Country|Paesi Baschi|Vizcaya|Bizkaia|BI|Costa del Sol|Cádiz|CA|Provincia'),
-- Portugal.
('PT', 'Lisboa|Lisbon|Distrito de Lisboa|Área Metropolitana de Lisboa|Grande Lisboa|Porto|Distrito do Porto|Grande Porto|Algarve|Norte|Centro'),
-- United Kingdom and Ireland.
('GB', 'Greater London|Central London|City of London|West London|East London|North London|South London|Greater Manchester|West Midlands|West Yorkshire|Yorkshire|Lanarkshire|Lothian|Midlothian|City of Edinburgh|Oxfordshire|Oxon|Mayfair|Westminster|Soho|Knightsbridge|Chelsea|Covent Garden|Shoreditch|Marylebone|England UK|Scotland UK'),
('IE', 'Co. Dublin|County Dublin|Co Dublin|Leinster|Dublin|Dublin City'),
-- Benelux and the Nordics.
('NL', 'Noord-Holland|North Holland|Zuid-Holland|South Holland|NH|ZH|Randstad|Centrum'),
('BE', 'Antwerpen|Antwerp|Anvers|Province d''Anvers|Provincie Antwerpen|Brussels|Bruxelles|Brussel|Brussels-Capital|Brussels-Capital Region|Région de Bruxelles-Capitale|Brussels Hoofdstedelijk Gewest|Flanders|Vlaanderen|Flandre|Wallonie|Wallonia|Bruxelles-Capitale'),
('LU', 'Luxembourg|Luxemburg|Luxembourg City|Ville de Luxembourg|Kirchberg|Grand Duchy of Luxembourg|Grand-Duché de Luxembourg'),
('DK', 'Hovedstaden|Capital Region|Region Hovedstaden|København K|Kobenhavn K|K|Zealand|Sjælland'),
('SE', 'Stockholms län|Stockholm County|Stockholms lan|Stockholm'),
('NO', 'Oslo|Viken'),
('FI', 'Uusimaa|Nyland'),
-- Central and eastern Europe, Turkey.
('PL', 'Mazowieckie|Masovia|Masovian|Małopolskie|Lesser Poland|Woj. mazowieckie|Województwo mazowieckie'),
('CZ', 'Hlavní město Praha|Praha 1|Prague 1|Capital City of Prague|Bohemia'),
('HU', 'Pest|Budapest|Közép-Magyarország'),
('RO', 'Ilfov|Sector 1|Sector 2|Sector 3|Municipiul București'),
('GR', 'Attica|Attiki|Attika|Attique|Attica Region'),
('TR', 'İstanbul|Istanbul|Marmara|Avrupa|Anadolu'),
-- Middle East.
('AE', 'Dubai|Abu Dhabi|Emirate of Dubai|Emirate of Abu Dhabi|DXB|AUH|DIFC|Downtown Dubai|Dubai Mall|Mall of the Emirates|Jumeirah|Yas Island'),
('QA', 'Doha|Ad Dawhah|Lusail'),
('SA', 'Riyadh Province|Makkah|Ar Riyad'),
('KW', 'Kuwait|Al Asimah|Capital Governorate'),
('IL', 'Tel Aviv District|Gush Dan'),
-- Asia.
('HK', 'Central|Kowloon|Causeway Bay|Tsim Sha Tsui|TST|Admiralty|Wan Chai|Hong Kong Island|Special Administrative Region|New Territories'),
('MO', 'Cotai|Taipa|Special Administrative Region'),
('CN', 'Shi|Shanghai Shi|Beijing Shi|Guangdong|Sichuan|Shanghai|Beijing|Pudong|Huangpu|Chaoyang|Jing''an|Mainland'),
('JP', 'To|Fu|Ku|Tokyo-to|Tokyo Metropolis|Tokyo|Osaka-fu|Osaka Prefecture|Kanto|Kansai|Prefecture|Ginza|Shibuya|Minato|Minato-ku|Shibuya-ku|Chuo-ku'),
('KR', 'Seoul-si|Seoul Special City|Gangnam|Gangnam-gu'),
('SG', 'Singapore|Central Region|Orchard|Orchard Road|Marina Bay'),
('TH', 'Bangkok Metropolis|Krung Thep|Krung Thep Maha Nakhon'),
('MY', 'Wilayah Persekutuan|Federal Territory|Federal Territory of Kuala Lumpur|WP Kuala Lumpur|KL|Selangor'),
('TW', 'Taipei City|Xinyi|Da''an'),
('IN', 'Maharashtra|MH|Delhi NCR|NCR|National Capital Region|Delhi|DL|Haryana|Gurgaon|Gurugram'),
-- The Americas and Oceania: states and provinces, names and codes.
('US', 'AL|AK|AZ|AR|CA|CO|CT|DE|DC|D.C.|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|Alabama|Alaska|Arizona|Arkansas|California|Californie|Kalifornien|Colorado|Connecticut|Delaware|District of Columbia|Florida|Floride|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|New York State|NY State|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Tejas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|Manhattan|Brooklyn|SoHo|Midtown|Midtown Manhattan|Lower Manhattan|Tribeca|Beverly Hills|Hollywood|West Hollywood|Santa Monica|Bay Area|SF Bay Area|Metro|Metro Area|Metropolitan Area|DFW|Chicagoland|Greater Boston|Greater Seattle Area|Miami-Dade|Miami Beach|South Florida|Fulton County|Cook County|Los Angeles County|LA County|King County|Harris County'),
('CA', 'ON|QC|BC|AB|MB|NS|Ontario|Québec|Quebec|British Columbia|Colombie-Britannique|Alberta|GTA|Greater Toronto Area|Downtown Toronto|Metro Vancouver|Greater Vancouver'),
('MX', 'CDMX|D.F.|DF|Distrito Federal|Ciudad de México|Mexico City|Polanco|Jalisco|Estado de México'),
('BR', 'SP|Estado de São Paulo|São Paulo|RJ|Rio de Janeiro'),
('AR', 'CABA|Capital Federal|Ciudad Autónoma de Buenos Aires|Buenos Aires|Provincia de Buenos Aires'),
('AU', 'NSW|New South Wales|VIC|Victoria|QLD|Queensland|WA|Western Australia|SA|South Australia|ACT|CBD|Sydney CBD|Melbourne CBD'),
-- Words that name no other place.
('*', 'Central|e provincia|e prov|provincia|prov|province|provincia di|region|regione|région|et région|et environs|environs|area|zona|zona centro|centro|centro città|centro storico|centre|centre ville|centre-ville|center|city|city centre|city center|downtown|metropolitan area|metro area|area metropolitana|hinterland|greater|und Umgebung|Umgebung|y alrededores|alrededores|and surroundings|surroundings|surrounding area|intra muros|hq|headquarters|head office|sede|siège|siège social|Zentrale|main office|e dintorni|dintorni|limitrofi|e limitrofi|comuni limitrofi|remote|hybrid|ibrido|télétravail|homeoffice|home office|remoto|teletrabajo|on site|onsite|in sede');

INSERT INTO city_qualifier (country, key)
SELECT DISTINCT q.country, public.fj_key(n) FROM q_src q,
    unnest(string_to_array(q.names, '|')) n
WHERE public.fj_key(n) <> '' ON CONFLICT DO NOTHING;
DROP TABLE q_src;

INSERT INTO city_qualifier_shape (country, pattern) VALUES
-- Départements 01-95, 2A/2B, 971-976; postcodes; arrondissements
-- ("8e", "1er", "8eme", "08", "75008").
('FR', '^(0[1-9]|[1-8][0-9]|9[0-5]|2a|2b|97[1-6])$'),
('FR', '^[0-9]{5}$'),
('FR', '^[0-9]{1,2} ?(e|er|eme|ieme|em|me)$'),
('MC', '^98[0-9]{3}$'),
('IT', '^[0-9]{5}$'),
('DE', '^[0-9]{5}$'),
('ES', '^[0-9]{5}$'),
('US', '^[0-9]{5}$'),
('MX', '^[0-9]{5}$'),
('AT', '^[0-9]{4}$'), ('AT', '^[0-9]{1,2}\.? ?bezirk$'),
('CH', '^[0-9]{4}$'),
('BE', '^[0-9]{4}$'),
('LU', '^l ?[0-9]{4}$'), ('LU', '^[0-9]{4}$'),
('DK', '^[0-9]{4}$'),
('NO', '^[0-9]{4}$'),
('HU', '^[0-9]{4}$'),
('AU', '^[0-9]{4}$'),
('PT', '^[0-9]{4}( [0-9]{3})?$'),
('NL', '^[0-9]{4}( ?[a-z]{2})?$'),
('SE', '^[0-9]{3} ?[0-9]{2}$'),
('FI', '^[0-9]{5}$'),
('PL', '^[0-9]{2} [0-9]{3}$'),
('CZ', '^[0-9]{3} ?[0-9]{2}$'), ('CZ', '^praha [0-9]{1,2}$'),
('GR', '^[0-9]{3} ?[0-9]{2}$'),
('TR', '^[0-9]{5}$'),
('RO', '^[0-9]{6}$'), ('RO', '^sector [1-6]$'),
('IN', '^[0-9]{6}$'), ('IN', '^[0-9]{3} [0-9]{3}$'),
('SG', '^[0-9]{6}$'),
('CN', '^[0-9]{6}$'),
('JP', '^[0-9]{3} [0-9]{4}$'),
('KR', '^[0-9]{5}$'),
('TH', '^[0-9]{5}$'),
('MY', '^[0-9]{5}$'),
('BR', '^[0-9]{5} ?[0-9]{3}$'),
('CA', '^[a-z][0-9][a-z]( ?[0-9][a-z][0-9])?$'),
('GB', '^[a-z]{1,2}[0-9][a-z0-9]?( [0-9][a-z]{2})?$'),
('IE', '^d ?[0-9]{1,2}$'), ('IE', '^[0-9]{1,2}w?$'), ('CZ', '^[0-9]{1,2}$'), ('IE', '^dublin [0-9]{1,2}$');

-- Do these words (a whole label's words before or after a city's name)
-- read as qualifiers of country cc?  Longest phrase first, up to six
-- words; an empty list is trivially one.
CREATE OR REPLACE FUNCTION fj_city_qualifiers_ok(w text[], cc text)
RETURNS boolean
LANGUAGE plpgsql STABLE PARALLEL SAFE
AS $$
DECLARE
	n	int := coalesce(array_length(w, 1), 0);
	i	int := 1;
	m	int;
	ph	text;
	hit	boolean;
BEGIN
	WHILE i <= n LOOP
		hit := false;
		FOR m IN REVERSE least(6, n - i + 1) .. 1 LOOP
			ph := array_to_string(w[i:i + m - 1], ' ');
			IF EXISTS (SELECT 1 FROM public.city_qualifier q
			    WHERE q.key = ph AND q.country IN (cc, '*')) OR
			    EXISTS (SELECT 1 FROM public.city_qualifier_shape s
			    WHERE s.country = cc AND ph ~ s.pattern) THEN
				i := i + m;
				hit := true;
				EXIT;
			END IF;
		END LOOP;
		IF NOT hit THEN
			RETURN false;
		END IF;
	END LOOP;
	RETURN true;
END
$$;

-- The known city a qualified label names, or NULL: the longest run of
-- words that is a known city's alias (the leftmost of equal length) whose
-- other words are all qualifiers of its country.  Labels of one word or
-- more than twelve are not read.
CREATE OR REPLACE FUNCTION fj_city_qualified(raw text) RETURNS int
LANGUAGE plpgsql STABLE PARALLEL SAFE
AS $$
DECLARE
	k	text := public.fj_key(raw);
	w	text[];
	n	int;
	len	int;
	i	int;
	v_id	int;
	v_cc	text;
BEGIN
	IF k IS NULL OR k = '' THEN
		RETURN NULL;
	END IF;
	w := string_to_array(k, ' ');
	n := array_length(w, 1);
	IF n < 2 OR n > 12 THEN
		RETURN NULL;
	END IF;
	FOR len IN REVERSE least(n - 1, 5) .. 1 LOOP
		FOR i IN 1 .. n - len + 1 LOOP
			SELECT c.id, c.country INTO v_id, v_cc
			FROM public.city_alias a JOIN public.city c
			    ON c.id = a.city_id
			WHERE a.key = array_to_string(w[i:i + len - 1], ' ')
			    AND c.known;
			IF v_id IS NOT NULL AND
			    public.fj_city_qualifiers_ok(w[1:i - 1], v_cc) AND
			    public.fj_city_qualifiers_ok(w[i + len:n], v_cc) THEN
				RETURN v_id;
			END IF;
		END LOOP;
	END LOOP;
	RETURN NULL;
END
$$;

-- By key, else as a qualified label.
CREATE OR REPLACE FUNCTION fj_city_id(raw text) RETURNS int
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT coalesce((SELECT a.city_id FROM public.city_alias a
    WHERE a.key = public.fj_key(raw)), public.fj_city_qualified(raw)) $$;

-- As before, but a qualified label of a known city becomes that city's
-- alias (lang 'qualified') instead of a provisional city.
CREATE OR REPLACE FUNCTION fj_city_ensure(raw text) RETURNS int
LANGUAGE plpgsql
AS $$
DECLARE
	v_key	text := public.fj_key(raw);
	v_name	text := btrim(regexp_replace(raw, '\s+', ' ', 'g'));
	v_slug	text := public.fj_slug(raw);
	v_id	int;
BEGIN
	IF v_key IS NULL OR v_key = '' THEN
		RETURN NULL;
	END IF;
	SELECT a.city_id INTO v_id FROM public.city_alias a
	WHERE a.key = v_key;
	IF v_id IS NOT NULL THEN
		RETURN v_id;
	END IF;
	v_id := public.fj_city_qualified(raw);
	IF v_id IS NOT NULL THEN
		INSERT INTO public.city_alias (key, city_id, lang)
		VALUES (v_key, v_id, 'qualified') ON CONFLICT (key) DO NOTHING;
		RETURN (SELECT a.city_id FROM public.city_alias a
		    WHERE a.key = v_key);
	END IF;
	IF EXISTS (SELECT 1 FROM public.city c WHERE c.slug = v_slug) THEN
		v_slug := v_slug || '-' || substr(md5(v_key), 1, 6);
	END IF;
	INSERT INTO public.city (name, slug, known)
	VALUES (v_name, v_slug, false) RETURNING city.id INTO v_id;
	INSERT INTO public.city_alias (key, city_id) VALUES (v_key, v_id)
	    ON CONFLICT (key) DO NOTHING;
	RETURN (SELECT a.city_id FROM public.city_alias a WHERE a.key = v_key);
END
$$;

-- Provisional cities made from such labels before: their postings and
-- aliases go to the known city (raw labels kept), then they go.  Returns
-- how many were merged.  Postings' facet counts and search vectors follow
-- through their triggers.
CREATE OR REPLACE FUNCTION fj_city_requalify() RETURNS int
LANGUAGE plpgsql
AS $$
DECLARE
	v_n	int;
BEGIN
	CREATE TEMP TABLE city_merge ON COMMIT DROP AS
	SELECT c.id AS old_id, q.id AS new_id, q.name, q.country
	FROM public.city c, LATERAL (SELECT k.id, k.name, k.country
	    FROM public.city k WHERE k.id = public.fj_city_qualified(c.name)) q
	WHERE NOT c.known;
	UPDATE public.posting p SET city_id = m.new_id, city_name = m.name,
	    country = coalesce(p.country, m.country), updated_at = now()
	FROM city_merge m WHERE p.city_id = m.old_id;
	UPDATE public.city_alias a SET city_id = m.new_id, lang = 'qualified'
	FROM city_merge m WHERE a.city_id = m.old_id;
	DELETE FROM public.city c USING city_merge m WHERE c.id = m.old_id;
	GET DIAGNOSTICS v_n = ROW_COUNT;
	DROP TABLE city_merge;
	RETURN v_n;
END
$$;

SELECT fj_city_requalify();
