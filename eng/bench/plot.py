#!/usr/bin/env python3
"""Turns the scaling benchmarks' BenchmarkDotNet results into an SVG chart (standard library only).

    python3 eng/bench/plot.py [--results BenchmarkDotNet.Artifacts/results] [--out docs/performance-scaling.svg]

Reads *ConcurrencyScalingBenchmarks-report.csv and *KdfSignInScalingBenchmarks-report.csv (either may
be missing), converts each mean (wall time per operation, since every invocation splits a fixed
number of operations over the callers) into operations per second, and plots throughput against
the number of concurrent callers on a log scale. Also prints the figures as a Markdown table.
"""

import argparse
import csv
import glob
import html
import math
import os
import re
import sys

UNITS = {"ns": 1.0, "us": 1e3, "μs": 1e3, "µs": 1e3, "ms": 1e6, "s": 1e9}
SERIES = [
    # (class, method, label, colour)
    ("ConcurrencyScalingBenchmarks", "LockoutReservationAndReset", "lockout reservation + reset (baseline)", "#7f7f7f"),
    ("ConcurrencyScalingBenchmarks", "TotpVerifyMiss", "TOTP verify (±1 step, seed decrypt)", "#1f77b4"),
    ("ConcurrencyScalingBenchmarks", "SignInWithoutKdf", "user sign-in without the KDF", "#2ca02c"),
    ("KdfSignInScalingBenchmarks", "SignInWithArgon2id", "user sign-in with Argon2id (19 MiB, t=2)", "#d62728"),
]


def nanoseconds(text):
    match = re.fullmatch(r"\s*([\d,.]+)\s*(ns|us|μs|µs|ms|s)\s*", text or "")
    if not match:
        return None
    return float(match.group(1).replace(",", "")) * UNITS[match.group(2)]


def read(results):
    """{(class, method): {callers: mean_ns}} and the environment lines of the GitHub report."""
    data, environment = {}, []
    for path in sorted(glob.glob(os.path.join(results, "*ScalingBenchmarks-report.csv"))):
        cls = os.path.basename(path).split("-report")[0].split(".")[-1]
        with open(path, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                mean = nanoseconds(row.get("Mean"))
                if mean is not None and row.get("Callers"):
                    data.setdefault((cls, row["Method"]), {})[int(row["Callers"])] = mean
        github = path.replace("-report.csv", "-report-github.md")
        if not environment and os.path.exists(github):
            with open(github, encoding="utf-8") as f:
                lines = [line.strip() for line in f.read().split("```")[1].strip().splitlines()]
            environment = [line for line in lines if line and not line.startswith("[") and not line.startswith("Job=")][1:3]
    return data, environment


def svg(data, environment, width=820, height=480):
    left, right, top, bottom = 90, 250, 60, 60
    plot_w, plot_h = width - left - right, height - top - bottom
    callers = sorted({c for points in data.values() for c in points}) or [1, 2, 4, 8]
    throughputs = [1e9 / ns for points in data.values() for ns in points.values()]
    lo = 10 ** math.floor(math.log10(min(throughputs))) if throughputs else 1
    hi = 10 ** math.ceil(math.log10(max(throughputs))) if throughputs else 1e6

    def x(c):
        span = math.log2(callers[-1]) - math.log2(callers[0]) or 1
        return left + (math.log2(c) - math.log2(callers[0])) / span * plot_w

    def y(ops):
        return top + plot_h - (math.log10(ops) - math.log10(lo)) / (math.log10(hi) - math.log10(lo)) * plot_h

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="{left}" y="24" font-size="16" font-weight="bold">Throughput with concurrent callers (in-memory stores)</text>',
        f'<text x="{left}" y="42" fill="#555">{html.escape(" · ".join(environment))}</text>',
    ]
    exponent = int(math.log10(lo))
    while 10 ** exponent <= hi:
        value = 10 ** exponent
        out.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y(value):.1f}" y2="{y(value):.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{left - 8}" y="{y(value) + 4:.1f}" text-anchor="end">{value:,.0f}</text>')
        exponent += 1
    for c in callers:
        out.append(f'<line x1="{x(c):.1f}" x2="{x(c):.1f}" y1="{top}" y2="{top + plot_h}" stroke="#eee"/>')
        out.append(f'<text x="{x(c):.1f}" y="{top + plot_h + 18}" text-anchor="middle">{c}</text>')
    out.append(f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="none" stroke="#333"/>')
    out.append(f'<text x="{left + plot_w / 2}" y="{height - 18}" text-anchor="middle">concurrent callers</text>')
    out.append(f'<text transform="translate(22,{top + plot_h / 2}) rotate(-90)" text-anchor="middle">operations per second (log scale)</text>')
    legend_y = top + 10
    for cls, method, label, colour in SERIES:
        points = data.get((cls, method))
        if not points:
            continue
        coords = [(x(c), y(1e9 / points[c]), 1e9 / points[c]) for c in sorted(points)]
        out.append('<polyline fill="none" stroke="{}" stroke-width="2" points="{}"/>'.format(colour, " ".join(f"{px:.1f},{py:.1f}" for px, py, _ in coords)))
        for px, py, ops in coords:
            out.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3.5" fill="{colour}"/>')
            out.append(f'<text x="{px + 5:.1f}" y="{py - 6:.1f}" font-size="10" fill="{colour}">{ops:,.0f}</text>')
        out.append(f'<rect x="{left + plot_w + 16}" y="{legend_y - 9}" width="12" height="12" fill="{colour}"/>')
        wrapped = label if len(label) < 30 else label[: label.rfind(" ", 0, 30)] + "\n" + label[label.rfind(" ", 0, 30) + 1 :]
        for i, part in enumerate(wrapped.split("\n")):
            out.append(f'<text x="{left + plot_w + 34}" y="{legend_y + 1 + i * 14}">{html.escape(part)}</text>')
        legend_y += 22 + 14 * wrapped.count("\n")
    out.append("</svg>")
    return "\n".join(out) + "\n"


def table(data):
    callers = sorted({c for points in data.values() for c in points})
    lines = ["| operation | " + " | ".join(f"{c} caller{'s' if c > 1 else ''}" for c in callers) + " |",
             "|---|" + "---:|" * len(callers)]
    for cls, method, label, _ in SERIES:
        points = data.get((cls, method))
        if points:
            lines.append(f"| {label} | " + " | ".join(f"{1e9 / points[c]:,.0f}/s" if c in points else "—" for c in callers) + " |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", default="BenchmarkDotNet.Artifacts/results")
    parser.add_argument("--out", default="docs/performance-scaling.svg")
    args = parser.parse_args()
    data, environment = read(args.results)
    if not data:
        sys.exit(f"No *ScalingBenchmarks-report.csv in {args.results}; run the scaling benchmarks first.")
    os.makedirs(os.path.dirname(args.out) or ".", exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(svg(data, environment))
    print(f"wrote {args.out}\n")
    print(table(data))


if __name__ == "__main__":
    main()
