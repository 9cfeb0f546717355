-- The JSON shapes every output shares: a contract label in the reader's
-- language and a posting's card.  One definition, used by the home page,
-- search, company and city pages and the posting page's "similar" list.

CREATE FUNCTION fj_label(code text, ui text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
	SELECT CASE ui WHEN 'it' THEN label_it WHEN 'fr' THEN label_fr
	    WHEN 'de' THEN label_de WHEN 'es' THEN label_es ELSE label_en END
	FROM contract_type WHERE contract_type.code = fj_label.code
$$;

CREATE FUNCTION fj_card(p posting, ui text) RETURNS json
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
	SELECT json_build_object(
	    'id', p.id,
	    'href', '/jobs/' || p.id || '-' || p.slug,
	    'title', p.title,
	    'company', p.company_name,
	    'city', upper(p.city_name),
	    'contract', p.contract,
	    'contract_label', fj_label(p.contract, ui),
	    'schedule', p.schedule,
	    'schedule_label', CASE WHEN p.schedule <> 'unknown'
		THEN fj_label(p.schedule, ui) END,
	    'remote', CASE WHEN p.remote <> 'onsite' THEN p.remote END,
	    'lang', p.lang,
	    'posted', to_char(p.posted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'))
$$;
