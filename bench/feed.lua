-- wrk script for the live-feed benchmark: SePay webhooks (API-key scheme) at a fixed total RATE a second, spread
-- over the open traders' accounts. Each amount carries the wall-clock millisecond at which its request was made
-- (1,000,000 + ms mod 1,000,000 đồng), so the stream listener in its own process can time webhook → page without
-- talking to this one. Env: SEPAY_KEY, ACCOUNTS (file, one account a line), RATE, RUN_ID.
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } timespec;
int clock_gettime(int clk_id, timespec *tp);
]]
local ts = ffi.new("timespec")
local function now_ms()
  ffi.C.clock_gettime(0, ts) -- CLOCK_REALTIME: the listener reads the same clock
  return tonumber(ts.tv_sec) * 1000 + math.floor(tonumber(ts.tv_nsec) / 1e6)
end

local accounts = {}
for line in io.lines(os.getenv("ACCOUNTS")) do accounts[#accounts + 1] = line end
local key = os.getenv("SEPAY_KEY")
local rate = tonumber(os.getenv("RATE") or "1000")
-- The provider's id is what duplicates are recognised by: each run needs its own range of ids.
local run = tonumber(os.getenv("RUN_ID") or tostring(os.time() % 100000)) % 100000
local threads = {}
local start, slot, counter = nil, 0, 0

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

-- Every connection takes the next slot of one schedule (with -t1 all connections share it): the total rate stays
-- RATE whatever the latency, as long as enough connections are free.
function delay()
  start = start or now_ms()
  slot = slot + 1
  local due = start + slot * 1000 / rate
  return math.max(0, math.floor(due - now_ms()))
end

function request()
  counter = counter + 1
  local id = run * 1000000000 + tid * 100000000 + counter
  local account = accounts[(counter % #accounts) + 1]
  local amount = 1000000 + now_ms() % 1000000
  local body = string.format('{"id":%d,"gateway":"","transactionDate":"%s","accountNumber":"%s",' ..
    '"code":null,"content":"mua hang %d","transferType":"in","transferAmount":%d,"accumulated":0,' ..
    '"subAccount":null,"referenceCode":"F%s-%d","description":""}',
    id, os.date("!%Y-%m-%d %H:%M:%S", os.time() + 7 * 3600), account, id, amount, run, id)
  return wrk.format("POST", "/webhooks/sepay",
    {["Content-Type"] = "application/json", ["Authorization"] = "Apikey " .. key}, body)
end
