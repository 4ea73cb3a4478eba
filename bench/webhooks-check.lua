-- Checks bench/webhooks.lua without a server: `luajit bench/webhooks-check.lua` (wrk runs the same LuaJIT).
-- Loads it with wrk stubbed, on the clock that gives the largest ids (os.time() % 10^6 = 999999), and checks that
-- 3,000,000 requests of one thread carry exact ids and amounts of 5,000 to 500,000 đồng in whole thousands.
local real_time = os.time
os.time = function(t) if t then return real_time(t) end return 1764999999 end
local accounts = os.tmpname()
local f = io.open(accounts, "w")
f:write("1004200000001\n1004200000002\n")
f:close()
local env = {ACCOUNTS = accounts, SEPAY_KEY = "k", WEBHOOK_PATH = "/webhooks/sepay", RUN_ID = "hooks"}
os.getenv = function(k) return env[k] end
wrk = {format = function(method, path, headers, body) return body end}
local script = arg and arg[0] and arg[0]:gsub("webhooks%-check%.lua$", "webhooks.lua") or "bench/webhooks.lua"
dofile(script)
tid = 9
local bad = 0
for i = 1, 3000000 do
  local id, amount = request():match('"id":(%d+),.-"transferAmount":(%-?%d+),')
  local n = tonumber(amount)
  if not n or n < 5000 or n > 500000 or n % 1000 ~= 0
      or id ~= string.format("%.0f", 999999 * 1000000000 + 9 * 100000000 + i) then
    bad = bad + 1
  end
end
os.remove(accounts)
done({requests = 1000, duration = 2000000, errors = {connect = 0, read = 0, write = 0, timeout = 1, status = 3}})
if bad > 0 then
  print("webhooks.lua: " .. bad .. " requests with a wrong id or amount")
  os.exit(1)
end
print("webhooks.lua: ids and amounts exact")
