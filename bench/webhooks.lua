-- wrk script: SePay webhooks (API-key scheme), each with its own id and bank reference, to the stalls' accounts.
-- Env: SEPAY_KEY (the server's CHO40_SEPAY_API_KEY), ACCOUNTS (file, one account number a line), WEBHOOK_PATH.
local counter = 0
local threads = {}
local accounts = {}
for line in io.lines(os.getenv("ACCOUNTS")) do accounts[#accounts + 1] = line end
local key = os.getenv("SEPAY_KEY")
local path = os.getenv("WEBHOOK_PATH") or "/webhooks/sepay"
local run = os.getenv("RUN_ID") or tostring(os.time())
-- SePay's id is a number: each run (warm-up, measurement) starts its own range, or the measurement's first
-- requests would be duplicates of the warm-up's (answered 2xx, nothing stored, nothing to match).
local base = (os.time() % 1000000) * 1000000000

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function request()
  counter = counter + 1
  local id = base + tid * 100000000 + counter
  local account = accounts[(id % #accounts) + 1]
  local amount = 5000 + (id * 7919 % 496) * 1000
  local body = string.format('{"id":%d,"gateway":"Agribank","transactionDate":"%s","accountNumber":"%s",' ..
    '"code":null,"content":"mua rau %d","transferType":"in","transferAmount":%d,"accumulated":0,' ..
    '"subAccount":null,"referenceCode":"W%s-%d","description":""}',
    id, os.date("!%Y-%m-%d %H:%M:%S", os.time() + 7 * 3600), account, id, amount, run, id)
  return wrk.format("POST", path, {["Content-Type"] = "application/json", ["Authorization"] = "Apikey " .. key}, body)
end
