-- wrk script: SePay webhooks (API-key scheme), each with its own id and bank reference, to the stalls' accounts.
-- Env: SEPAY_KEY (the server's CHO40_SEPAY_API_KEY), ACCOUNTS (file, one account number a line), WEBHOOK_PATH.
-- wrk runs LuaJIT, whose numbers are doubles: exact only below 2^53 (about 9 * 10^15). Every number computed here
-- stays far below that whatever the clock says; the amount once came from id * 7919 (about 10^19), whose rounding
-- made a quarter of the amounts negative and their webhooks 400s that the printed rate still counted.
local counter = 0
local threads = {}
local accounts = {}
for line in io.lines(os.getenv("ACCOUNTS")) do accounts[#accounts + 1] = line end
-- BILLS (optional): "account,code,amount" lines, each an open bill paid once into its board's collection account; every
-- third request then pays the next one (the settling path: code → bill → ledger), the others stay sales.
local bills = {}
if os.getenv("BILLS") and os.getenv("BILLS") ~= "" then
  for line in io.lines(os.getenv("BILLS")) do
    local a, c, m = line:match("([^,]+),([^,]+),([^,]+)")
    bills[#bills + 1] = {account = a, code = c, amount = tonumber(m)}
  end
end
local key = os.getenv("SEPAY_KEY")
local path = os.getenv("WEBHOOK_PATH") or "/webhooks/sepay"
local run = os.getenv("RUN_ID") or tostring(os.time())
-- SePay's id is a number: each run (warm-up, measurement) starts its own range, or the measurement's first
-- requests would be duplicates of the warm-up's (answered 2xx, nothing stored, nothing to match). Below 10^15 + 10^10.
local base = (os.time() % 1000000) * 1000000000

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

-- The amount of the n-th request of thread t: 5,000 to 500,000 đồng in whole thousands, from small integers only
-- (n below 10^8 a run, so n * 7919 stays below 10^12).
function amount_of(n, t)
  return 5000 + ((n * 7919 + t * 104729) % 496) * 1000
end

-- Every third request pays the next bill of the list (bench/webhooks.sh runs wrk with one thread), so no bill is
-- paid twice in a run.
local function bill_of(n, t)
  local k = math.floor(n / 3)
  if #bills == 0 or n % 3 ~= 0 or k > #bills then return nil end
  return bills[k]
end

function request()
  counter = counter + 1
  local id = base + tid * 100000000 + counter
  local account = accounts[((counter + tid) % #accounts) + 1]
  local content = string.format("mua rau %d", id)
  local amount = amount_of(counter, tid)
  local b = bill_of(counter, tid)
  if b then
    account, content, amount = b.account, b.code .. " nop phi cho", b.amount
  end
  local body = string.format('{"id":%d,"gateway":"","transactionDate":"%s","accountNumber":"%s",' ..
    '"code":null,"content":"%s","transferType":"in","transferAmount":%d,"accumulated":0,' ..
    '"subAccount":null,"referenceCode":"W%s-%d","description":""}',
    id, os.date("!%Y-%m-%d %H:%M:%S", os.time() + 7 * 3600), account, content, amount, run, id)
  return wrk.format("POST", path, {["Content-Type"] = "application/json", ["Authorization"] = "Apikey " .. key}, body)
end

-- Only answers in 2xx count: wrk counts answers of 400 and above in errors.status (the webhooks never answer
-- 1xx or 3xx), and requests without an answer in the socket errors. bench/webhooks.sh fails the run on any of them.
function done(summary, latency, requests)
  local e = summary.errors
  local refused = e.status
  local unanswered = e.connect + e.read + e.write + e.timeout
  local ok = summary.requests - refused
  io.write(string.format("ok_2xx=%d not_2xx=%d socket_errors=%d ok_per_s=%.2f\n", ok, refused, unanswered,
    ok / (summary.duration / 1e6)))
end
