-- wrk script: POST one sample article to /v1/check as text/plain.
-- The article is read once at start-up from ARTICLE (default: the Miami sample).
local path = os.getenv("ARTICLE") or "samples/miami-restraint-spun.txt"
local file = assert(io.open(path, "rb"))
local body = file:read("*a")
file:close()

wrk.method = "POST"
wrk.path = "/v1/check?path=article.txt"
wrk.body = body
wrk.headers["Content-Type"] = "text/plain; charset=utf-8"
