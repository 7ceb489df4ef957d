#!/usr/bin/env python3
"""Turns the Identity comparison benchmarks' results (issue 24) into an SVG chart (standard library only).

    python3 eng/bench/plot_identity.py [--results BenchmarkDotNet.Artifacts/results] [--class IdentitySignInBenchmarks]
                                       [--out docs/performance-identity.svg]

Reads *<class>-report.csv, converts each mean (wall time per sign-in: every invocation splits a fixed
number of sign-ins over the callers) into sign-ins per second and draws one panel per engine and row
(right PIN, wrong PIN, locked) with ours and Identity's throughput against the callers. Also prints
the figures as a Markdown table with the ratio to Identity (time per sign-in, < 1 is faster).
"""

import argparse
import csv
import glob
import html
import os
import sys

from plot import nanoseconds

ROWS = [("RightPin", "right PIN"), ("WrongPin", "wrong PIN"), ("Locked", "locked account")]
SIDES = [("BizWeb", "BizWeb.Sdk", "#2ca02c", ""), ("Identity", "ASP.NET Core Identity", "#9467bd", "6,4"),
         ("IdentityWithAudit", "Identity + an audit insert", "#ff7f0e", "3,3"), ("KdfAlone", "the KDF alone", "#7f7f7f", "2,3")]


def read(results, cls):
    """{(engine, row, method): {callers: (mean_ns, ratio, allocated)}}."""
    data = {}
    for path in sorted(glob.glob(os.path.join(results, f"*{cls}-report.csv"))):
        with open(path, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                mean = nanoseconds(row.get("Mean"))
                if mean is not None:
                    key = (row["Engine"], row["Row"], row["Method"])
                    data.setdefault(key, {})[int(row["Callers"])] = (mean, row.get("Ratio", ""), row.get("Allocated", ""))
    return data


def svg(data, title, panel_w=260, panel_h=200):
    engines = sorted({k[0] for k in data}, key=lambda e: (e != "Sqlite", e))
    left, top, gap_x, gap_y = 70, 70, 40, 70
    width = left + len(ROWS) * (panel_w + gap_x) + 10
    height = top + len(engines) * (panel_h + gap_y) + 10
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="{left}" y="22" font-size="15" font-weight="bold">{html.escape(title)}</text>',
    ]
    legend_x = left
    for method, label, colour, dash in SIDES:
        if any(k[2] == method for k in data):
            out.append(f'<line x1="{legend_x}" x2="{legend_x + 24}" y1="40" y2="40" stroke="{colour}" stroke-width="2.5" stroke-dasharray="{dash}"/>')
            out.append(f'<text x="{legend_x + 30}" y="44">{html.escape(label)}</text>')
            legend_x += 40 + 7 * len(label)
    for ei, engine in enumerate(engines):
        for ri, (row, row_label) in enumerate(ROWS):
            px0, py0 = left + ri * (panel_w + gap_x), top + ei * (panel_h + gap_y)
            series = {m: data[(engine, row, m)] for m, *_ in SIDES if (engine, row, m) in data}
            if not series:
                continue
            callers = sorted({c for points in series.values() for c in points})
            peak = max(1e9 / v[0] for points in series.values() for v in points.values()) * 1.15

            def x(c):
                return px0 + (callers.index(c) + 0.5) / len(callers) * panel_w

            def y(ops):
                return py0 + panel_h - ops / peak * panel_h

            out.append(f'<text x="{px0}" y="{py0 - 8}" font-weight="bold">{html.escape(engine)}, {html.escape(row_label)}</text>')
            out.append(f'<rect x="{px0}" y="{py0}" width="{panel_w}" height="{panel_h}" fill="none" stroke="#333"/>')
            for i in range(5):
                value = peak / 1.15 * i / 4
                out.append(f'<line x1="{px0}" x2="{px0 + panel_w}" y1="{y(value):.1f}" y2="{y(value):.1f}" stroke="#eee"/>')
                out.append(f'<text x="{px0 - 4}" y="{y(value) + 4:.1f}" text-anchor="end" font-size="9">{value:,.0f}</text>')
            for c in callers:
                out.append(f'<text x="{x(c):.1f}" y="{py0 + panel_h + 14}" text-anchor="middle" font-size="10">{c}</text>')
            out.append(f'<text x="{px0 + panel_w / 2}" y="{py0 + panel_h + 28}" text-anchor="middle" fill="#555">callers (sign-ins/s on the left)</text>')
            for method, _, colour, dash in SIDES:
                points = series.get(method)
                if not points:
                    continue
                coords = [(x(c), y(1e9 / points[c][0])) for c in sorted(points)]
                out.append('<polyline fill="none" stroke="{}" stroke-width="2.5" stroke-dasharray="{}" points="{}"/>'.format(
                    colour, dash, " ".join(f"{cx:.1f},{cy:.1f}" for cx, cy in coords)))
                for cx, cy in coords:
                    out.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="3" fill="{colour}"/>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def table(data):
    lines = ["| engine | row | callers | Identity | BizWeb.Sdk | ratio | Identity + audit (ratio) | KDF alone | allocated (Identity / ours) |", "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    engines = sorted({k[0] for k in data}, key=lambda e: (e != "Sqlite", e))
    for engine in engines:
        for row, row_label in ROWS:
            theirs, ours, audited, kdf = (data.get((engine, row, m), {}) for m in ("Identity", "BizWeb", "IdentityWithAudit", "KdfAlone"))
            for c in sorted(set(theirs) | set(ours)):
                def cell(points):
                    return f"{points[c][0] / 1e3:,.0f} µs ({1e9 / points[c][0]:,.0f}/s)" if c in points else "—"
                ratio = ours[c][1] if c in ours else "—"
                allocated = f"{theirs[c][2] if c in theirs else '—'} / {ours[c][2] if c in ours else '—'}"
                with_audit = f"{cell(audited)} ({audited[c][1]})" if c in audited else "—"
                lines.append(f"| {engine} | {row_label} | {c} | {cell(theirs)} | {cell(ours)} | {ratio} | {with_audit} | {cell(kdf) if kdf else '—'} | {allocated} |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", default="BenchmarkDotNet.Artifacts/results")
    parser.add_argument("--class", dest="cls", default="IdentitySignInBenchmarks")
    parser.add_argument("--out", default="docs/performance-identity.svg")
    parser.add_argument("--title", default="Sign-in throughput, BizWeb.Sdk vs ASP.NET Core Identity (same hasher, same engine)")
    args = parser.parse_args()
    data = read(args.results, args.cls)
    if not data:
        sys.exit(f"No *{args.cls}-report.csv in {args.results}; run the Identity benchmarks first.")
    os.makedirs(os.path.dirname(args.out) or ".", exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(svg(data, args.title))
    print(f"wrote {args.out}\n")
    print(table(data))


if __name__ == "__main__":
    main()
