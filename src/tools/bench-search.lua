-- wrk script for make bench: 200 different searches (25 queries in 8
-- city settings), taken in turn, so the page cache meets each search once
-- per page lifetime and worker, not one URL over and over.  With the
-- argument "uncached" every request also carries a new r=N, which the
-- search ignores and the cache key keeps: every request is a miss.  A
-- second argument is a language prefix ("/it"): the same searches on the
-- Italian pages.
local words = { "manager", "sales", "assistant", "store+manager",
	"customer+service", "designer", "stylist", "buyer",
	"visual+merchandiser", "supervisor", "retail", "logistics",
	"showroom", "press", "boutique", "stage", "praktikum",
	"responsabile", "vendeur", "balenciga", "gucci", "hermes", "prada",
	"chanel", "zegna" }
local cities = { "", "milan", "paris", "london", "florence", "munich",
	"new+york", "rome" }
local paths = {}
for _, w in ipairs(words) do
	for _, c in ipairs(cities) do
		local p = "/jobs?q=" .. w
		if c ~= "" then p = p .. "&city=" .. c end
		paths[#paths + 1] = p
	end
end
local n = 0
local i = 0
local uncached = false
local prefix = ""

function setup(thread)
	thread:set("id", n)
	n = n + 1
end

function init(args)
	uncached = args[1] == "uncached"
	prefix = args[2] or ""
	i = (tonumber(id) or 0) * 97
end

request = function()
	local p
	i = i + 1
	p = paths[i % #paths + 1]
	if uncached then p = p .. "&r=" .. (tonumber(id) or 0) .. "-" .. i end
	return wrk.format("GET", prefix .. p)
end
