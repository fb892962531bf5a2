#!/usr/bin/env python3
"""usage: measure_bars.py CHROMIUM REPORT.html WORK_DIR

Renders the HTML report in headless Chromium and checks the geometry of its
bar charts: in each chart every bar starts at the same x (a long label does
not push its bar), bar lengths are proportional to the counts, and every row
is one line high (labels never wrap). A copy of the report gets a script that
writes the measurements into the page, which --dump-dom prints.
"""
import json
import os
import re
import subprocess
import sys

CHROMIUM, REPORT, WORK = sys.argv[1:4]

MEASURE = """<script>
const charts = [];
for (const chart of document.querySelectorAll('.chart')) {
  const rows = [];
  for (const row of chart.querySelectorAll('.row')) {
    const bar = row.querySelector('.bar').getBoundingClientRect();
    rows.push({label: row.querySelector('.label').textContent,
               n: Number(row.querySelector('.n').textContent),
               left: bar.left, width: bar.width,
               height: row.getBoundingClientRect().height});
  }
  charts.push(rows);
}
document.body.innerHTML =
    '<pre id="geometry">' + JSON.stringify(charts) + '</pre>';
</script>
"""


def measure():
    html = open(REPORT).read()
    if "<script" in html:
        sys.exit("the report itself must not contain scripts")
    page = os.path.join(WORK, "measured.html")
    with open(page, "w") as f:
        f.write(html.replace("</body>", MEASURE + "</body>"))
    profile = os.path.join(WORK, "chromium-profile")
    dom = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync",
         "--user-data-dir=" + profile, "--window-size=1280,1024",
         "--dump-dom", "file://" + os.path.abspath(page)],
        capture_output=True, text=True, timeout=300)
    found = re.search(r'<pre id="geometry">(.*?)</pre>', dom.stdout, re.S)
    if not found:
        sys.exit("no measurements from chromium (exit %d): %s"
                 % (dom.returncode, dom.stderr[-2000:]))
    return json.loads(found.group(1).replace("&quot;", '"'))


def check(charts):
    problems = []
    if not charts or not all(charts):
        return ["no bars measured"]
    for rows in charts:
        largest = max(rows, key=lambda r: r["n"])
        for row in rows:
            what = "bar '%s' (%d)" % (row["label"], row["n"])
            if abs(row["left"] - rows[0]["left"]) > 0.5:
                problems.append("%s starts at x=%.1f, the first at x=%.1f"
                                % (what, row["left"], rows[0]["left"]))
            expected = largest["width"] * row["n"] / largest["n"]
            if abs(row["width"] - expected) > 1.0:
                problems.append("%s is %.1f px long, expected %.1f px"
                                % (what, row["width"], expected))
            if abs(row["height"] - rows[0]["height"]) > 0.5:
                problems.append("%s's row is %.1f px high, the first %.1f px"
                                % (what, row["height"], rows[0]["height"]))
    return problems


def main():
    charts = measure()
    for rows in charts:
        for row in rows:
            print("%-40.40s n=%d x=%.1f width=%.1f height=%.1f"
                  % (row["label"], row["n"], row["left"], row["width"],
                     row["height"]))
    problems = check(charts)
    for problem in problems:
        print("FAIL:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
