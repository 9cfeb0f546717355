-- wrk script for make bench's distance searches: the URL given, each
-- request with a new r=N (which the search ignores and the cache key
-- keeps), so that every request is a cache miss.
local n = 0
local i = 0

function setup(thread)
	thread:set("id", n)
	n = n + 1
end

request = function()
	i = i + 1
	return wrk.format(nil, wrk.path .. "&r=" .. (tonumber(id) or 0) ..
	    "-" .. i)
end
