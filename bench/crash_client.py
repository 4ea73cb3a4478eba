#!/usr/bin/env python3
"""Load for the crash test: SePay webhooks (API-key scheme) with unique bank references, from N threads, until
the stop file appears. Every answer is logged as "reference status" so the test can check afterwards that each
2xx is in the ledger exactly once. Standard library only."""
import http.client, json, os, sys, threading, time, datetime

host, port, key, accounts_file, log_file, stop_file = sys.argv[1:7]
threads = int(os.environ.get("THREADS", "16"))
accounts = [a for a in open(accounts_file).read().split() if a]
lock = threading.Lock()
out = open(log_file, "a", buffering=1)
counter = [0]

def next_id():
    with lock:
        counter[0] += 1
        return counter[0]

def worker(tid):
    conn = None
    while not os.path.exists(stop_file):
        n = next_id()
        ref = "CRASH-%d-%d-%d" % (os.getpid(), tid, n)
        now = datetime.datetime.utcnow() + datetime.timedelta(hours=7)
        body = json.dumps({"id": int(time.time() * 1000) * 100 + n % 100 + tid * 10**15, "gateway": "",
                           "transactionDate": now.strftime("%Y-%m-%d %H:%M:%S"),
                           "accountNumber": accounts[n % len(accounts)], "code": None, "content": "mua rau",
                           "transferType": "in", "transferAmount": 5000 + (n % 100) * 1000, "accumulated": 0,
                           "subAccount": None, "referenceCode": ref, "description": ""})
        status = 0
        try:
            if conn is None:
                conn = http.client.HTTPConnection(host, int(port), timeout=15)
            conn.request("POST", "/webhooks/sepay", body, {"Content-Type": "application/json",
                                                            "Authorization": "Apikey " + key})
            r = conn.getresponse()
            r.read()
            status = r.status
        except Exception:
            conn = None
            time.sleep(0.05)
        with lock:
            out.write("%s %d\n" % (ref, status))

ts = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(threads)]
for t in ts:
    t.start()
for t in ts:
    t.join()
