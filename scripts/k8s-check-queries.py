#!/usr/bin/env python3
"""Evaluates the autoscalers' PromQL with a real Prometheus (Debian's `prometheus` package) on loopback.

Serves the series two coordinators and three runners export (names and labels as Micrometer writes
them), lets Prometheus scrape them with the `namespace` label the kubernetes-pods job adds, and runs
every query of k8s-overlays/keda/scaledobjects.yaml and of the prometheus-adapter rules (with the
label matchers the adapter would fill in for each HPA), checking each against the value it must give.
Usage: scripts/k8s-check-queries.py   (needs prometheus and PyYAML; starts and stops its own processes)
"""
import http.server
import json
import pathlib
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEPTH = {"notification": 5, "exploration": 7, "hybrid": 12}
AGE = {"notification": 42, "message": 10, "webhook": 0, "delegation": 0, "schedule": 1000, "exploration": 300}
KINDS = {"notification": ["notification", "message", "webhook", "delegation"],
         "exploration": ["schedule", "exploration"],
         "hybrid": ["notification", "message", "webhook", "delegation", "schedule", "exploration"]}
# runner pods: (pool, busy slots); no exploration runner runs (that pool scaled to zero)
RUNNERS = [("notification", 3), ("notification", 2), ("hybrid", 1)]
BUSY = {pool: sum(b for p, b in RUNNERS if p == pool) for pool in DEPTH}
EXPECTED_DEMAND = {pool: DEPTH[pool] + BUSY[pool] for pool in DEPTH}
EXPECTED_AGE = {pool: max(AGE[k] for k in KINDS[pool]) for pool in DEPTH}


def exposition(runner=None):
    lines = ["# TYPE botburrow_runner_queue_depth gauge"]
    # coordinators export every pool's depth; a runner its own pool's
    pools = [runner[0]] if runner else list(DEPTH)
    lines += [f'botburrow_runner_queue_depth{{pool="{p}"}} {DEPTH[p]}' for p in pools]
    if runner:
        lines += ["# TYPE botburrow_runner_slots_busy gauge", f'botburrow_runner_slots_busy{{pool="{runner[0]}"}} {runner[1]}']
    else:
        lines += ["# TYPE botburrow_queue_oldest_age_seconds gauge"]
        lines += [f'botburrow_queue_oldest_age_seconds{{kind="{k}"}} {v}' for k, v in AGE.items()]
    return "\n".join(lines) + "\n"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    if not shutil.which("prometheus"):
        sys.exit("prometheus is not installed (apt-get install prometheus)")
    pages = {"/coordinator-0": exposition(), "/coordinator-1": exposition()}
    pages.update({f"/runner-{i}": exposition(r) for i, r in enumerate(RUNNERS)})

    class Pages(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = pages.get(self.path, "").encode()
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/plain; version=0.0.4")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    work = pathlib.Path(tempfile.mkdtemp(prefix="botburrow-promql-"))
    prom_port = free_port()
    config = {"global": {"scrape_interval": "1s"}, "scrape_configs": [
        {"job_name": path.strip("/"), "metrics_path": path,
         "static_configs": [{"targets": [f"127.0.0.1:{server.server_port}"],
                             "labels": {"namespace": "botburrow", "pod": path.strip("/")}}]}
        for path in pages]}
    (work / "prometheus.yml").write_text(yaml.safe_dump(config))
    prom = subprocess.Popen(["prometheus", f"--config.file={work / 'prometheus.yml'}", f"--storage.tsdb.path={work / 'data'}",
                             f"--web.listen-address=127.0.0.1:{prom_port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    failures = 0
    try:
        def query(expr):
            url = f"http://127.0.0.1:{prom_port}/api/v1/query?" + urllib.parse.urlencode({"query": expr})
            answer = json.load(urllib.request.urlopen(url, timeout=5))
            if answer["status"] != "success":
                raise RuntimeError(answer)
            return answer["data"]["result"]

        deadline = time.time() + 60
        while True:
            try:
                if len([r for r in query("up == 1")]) == len(pages):
                    break
            except OSError:
                pass
            if time.time() > deadline:
                sys.exit("prometheus did not scrape every target within 60 s")
            time.sleep(0.5)

        def check(what, expr, expected):
            nonlocal failures
            result = query(expr)
            values = [float(r["value"][1]) for r in result]
            ok = values == [float(expected)]
            failures += 0 if ok else 1
            print(f"{'ok  ' if ok else 'FAIL'} {what}: {values} (expected [{expected}])")

        for so in yaml.safe_load_all((ROOT / "k8s-overlays/keda/scaledobjects.yaml").read_text()):
            pool = so["metadata"]["labels"]["botburrow.io/pool"]
            for trigger in so["spec"]["triggers"]:
                expected = EXPECTED_DEMAND[pool] if trigger["name"] == "demand" else EXPECTED_AGE[pool]
                check(f"keda {pool} {trigger['name']}", trigger["metadata"]["query"], expected)

        adapter = yaml.safe_load((ROOT / "k8s-overlays/hpa/prometheus-adapter-rules.yaml").read_text())
        rules = yaml.safe_load(adapter["data"]["config.yaml"])["externalRules"]
        for hpa in yaml.safe_load_all((ROOT / "k8s-overlays/hpa/hpa.yaml").read_text()):
            pool = hpa["metadata"]["labels"]["botburrow.io/pool"]
            for metric in hpa["spec"]["metrics"]:
                name = metric["external"]["metric"]["name"]
                rule = next(r for r in rules if r["name"]["as"] == name)
                selector = metric["external"]["metric"]["selector"]
                matchers = ['namespace="botburrow"']
                matchers += [f'{k}="{v}"' for k, v in selector.get("matchLabels", {}).items()]
                matchers += [f'{e["key"]}=~"{"|".join(e["values"])}"' for e in selector.get("matchExpressions", [])]
                series = rule["seriesQuery"].split("{")[0].strip("'")
                expr = rule["metricsQuery"].replace("<<.Series>>", series).replace("<<.LabelMatchers>>", ",".join(matchers))
                expected = EXPECTED_DEMAND[pool] if name == "botburrow_runner_demand" else EXPECTED_AGE[pool]
                check(f"hpa {pool} {name}", expr, expected)
    finally:
        prom.terminate()
        prom.wait(timeout=30)
        server.shutdown()
        shutil.rmtree(work, ignore_errors=True)
    print(f"{'all queries give the expected values' if failures == 0 else f'{failures} queries wrong'}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
