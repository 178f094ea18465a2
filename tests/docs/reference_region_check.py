#!/usr/bin/env python3
"""Checks the claims made about the reference region (scenarios/regions/README.md) on the region itself.

Usage: reference_region_check.py RICOCHET REGION TEACHING_REGION

Structure comes from `ricochet graph --format json` (the loader's view: resolved zones, hosting, needs); demands,
profiles and beds, which the graph does not carry, from the YAML. Every failed claim is printed; exit 1 if any."""
import collections
import json
import subprocess
import sys

import yaml

ricochet, region_path, teaching_path = sys.argv[1:4]
failures = []


def claim(ok, what):
    print(("ok    " if ok else "FAIL  ") + what)
    if not ok:
        failures.append(what)


def graph(path):
    out = subprocess.run([ricochet, "graph", path, "--format", "json"], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


g = graph(region_path)
doc = yaml.safe_load(open(region_path, encoding="utf-8"))
nodes = {n["key"]: n for n in g["nodes"]}
orgs = {n["id"]: n for n in g["nodes"] if n["type"] == "organisation"}
assets = {n["id"]: n for n in g["nodes"] if n["type"] == "asset"}
cares = {n["id"]: n for n in g["nodes"] if n["type"] == "care_function"}
edges = collections.defaultdict(list)
for e in g["edges"]:
    edges[e["type"]].append(e)
yaml_orgs = {o["id"]: o for o in doc["organisations"]}


def ident(key):
    return key.split(":", 1)[1]


host = {ident(e["from"]): ident(e["to"]) for e in edges["runs_on"]}


def hosting_org(asset):
    """Owner of the asset at the root of the hosting chain."""
    seen = set()
    while asset in host and asset not in seen:
        seen.add(asset)
        asset = host[asset]
    return assets[asset]["org"]


def care_links(kind_of_edge):
    """asset id -> set of organisations whose care functions have this kind of edge to it."""
    out = collections.defaultdict(set)
    for e in edges[kind_of_edge]:
        out[ident(e["to"])].add(cares[ident(e["from"])]["org"])
    return out


needed_by, used_by = care_links("needs"), care_links("uses")

# --- sizes -----------------------------------------------------------------------------------------------------
claim(140 <= len(orgs) <= 170, f"about 150 organisations: {len(orgs)} (140..170)")
claim(1800 <= len(assets) <= 2300, f"about 2,000 assets: {len(assets)} (1,800..2,300)")
unlocated = [o for o, n in orgs.items() if n["location"] is None]
claim(not unlocated, f"every organisation located ({len(unlocated)} without a location: {unlocated[:5]})")

# --- GHTs and hosting ------------------------------------------------------------------------------------------
ghts = collections.defaultdict(list)
for oid, n in orgs.items():
    if n["ght"]:
        ghts[n["ght"]].append(oid)
hosting_ghts = []
for ght, members in sorted(ghts.items()):
    pivots = [o for o in members if orgs[o]["role"] == "ght_pivot"]
    if len(pivots) != 1:
        continue
    pivot = pivots[0]
    hosted_dpi = {assets[a]["org"] for a in assets if assets[a]["kind"] == "dpi" and assets[a]["org"] != pivot
                  and hosting_org(a) == pivot}
    partners = [o for o in hosted_dpi if orgs[o]["kind"] == "hospital" and o in members]
    ehpads = [o for o in hosted_dpi if orgs[o]["kind"] == "ehpad"]
    if partners and ehpads:
        hosting_ghts.append(ght)
claim(len(hosting_ghts) >= 3, f"GHTs whose pivot hosts a partner hospital's and an EHPAD's DPI: {len(hosting_ghts)} "
                              f"of {len(ghts)} (at least 3)")

chu_like = [o for o, n in orgs.items() if n["kind"] == "hospital" and n["name"].startswith("CHU")
            and yaml_orgs[o].get("beds", 0) >= 1000
            and {"emergency", "icu", "radiotherapy"} <= {c["kind"] for c in cares.values() if c["org"] == o}]
claim(len(chu_like) >= 1, f"university hospitals (CHU, 1,000+ beds, emergency, ICU, radiotherapy): {chu_like}")

# --- shared services -------------------------------------------------------------------------------------------
shared_lis = [a for a, n in assets.items() if n["kind"] == "lis" and orgs[n["org"]]["kind"] == "laboratory"
              and len(needed_by[a] - {n["org"]}) >= 2]
claim(bool(shared_lis), f"laboratory LIS needed by the care of 2+ other organisations: {sorted(shared_lis)}")
shared_pacs = [a for a, n in assets.items() if n["kind"] == "pacs"
               and len((needed_by[a] | used_by[a]) - {n["org"]}) >= 3]
claim(bool(shared_pacs), f"PACS needed or used by 3+ other organisations: {sorted(shared_pacs)}")

platforms = [a for a, n in assets.items() if n["kind"] == "teleexpertise"
             and orgs[n["org"]]["kind"] == "regional_platform"]
acts = 0.0
for o in doc["organisations"]:
    for c in o.get("care_functions", []):
        if c["kind"] == "teleexpertise" and set(c.get("needs", [])) & set(platforms):
            per_hour = float(c["demand"].split("/")[0])
            acts += per_hour * sum(c.get("profile", [1] * 24)) * 365
claim(abs(acts - 38700) <= 0.02 * 38700, f"télé-expertise demand: {acts:,.0f} acts a year (38,700 ± 2 %)")
requesters = set()
for a in platforms:
    requesters |= (needed_by[a] | used_by[a]) - {assets[a]["org"]}
claim(len(requesters) >= 20, f"organisations whose care uses the télé-expertise platform: {len(requesters)} (20+)")

roles = collections.Counter(n["role"] for n in orgs.values())
kinds = collections.Counter(n["kind"] for n in orgs.values())
claim(roles["cyber_support"] >= 1, f"regional cybersecurity resource centre: {roles['cyber_support']}")
saas = [a for a, n in assets.items() if n["kind"] == "saas" and orgs[n["org"]]["kind"] == "software_vendor"]
gp_on_saas = max((sum(1 for o in needed_by[a] if orgs[o]["kind"] == "gp_practice") for a in saas), default=0)
cpts = [o for o, n in orgs.items() if n["name"].startswith("CPTS") and any(o in needed_by[a] for a in saas)]
claim(gp_on_saas >= 20 and cpts, f"GP practices needing one SaaS vendor: {gp_on_saas} (20+); CPTS on it: {cpts}")
claim(kinds["pharmacy"] >= 10, f"pharmacies: {kinds['pharmacy']} (10+)")
claim(kinds["samu"] >= 1 and kinds["ars"] >= 1, f"SAMU: {kinds['samu']}, ARS: {kinds['ars']}")
telephony = collections.Counter(n["kind"] for n in assets.values())
claim(telephony["ip_telephony"] > 0 and telephony["analog_telephony"] > 0,
      f"telephony: {telephony['ip_telephony']} IP, {telephony['analog_telephony']} analog")

# --- backups ---------------------------------------------------------------------------------------------------
modes = collections.Counter(n["backup_mode"] for n in assets.values() if n["kind"] == "backup")
claim(all(modes[m] > 0 for m in ("online", "offline", "immutable")),
      f"backups of every mode: {dict(sorted(modes.items()))}")
protected = {ident(e["to"]) for e in edges["protects"]}
unprotected = [o for o in orgs if any(n["org"] == o for n in assets.values())
               and not any(n["org"] == o and a in protected for a, n in assets.items())
               and orgs[o]["kind"] in ("hospital", "laboratory", "imaging_centre", "pharmacy", "gp_practice")]
claim(bool(unprotected), f"care organisations with no backup of anything they own: {len(unprotected)}")

# --- the teaching region is a slice of this one ----------------------------------------------------------------
t = graph(teaching_path)
kept = {"organisation": ("kind", "role", "ght", "continuity", "location"), "zone": ("org",),
        "asset": ("kind", "org", "zone", "domain", "rto_s", "controls", "backup_mode"),
        "domain": ("owner", "forest", "tiering", "bastion", "admin_mfa"), "care_function": ("org", "kind"),
        "internet": ()}
changed = []
for n in t["nodes"]:
    mine = nodes.get(n["key"])
    if mine is None:
        changed.append(f"{n['key']} is missing")
        continue
    changed += [f"{n['key']}: {k} is {mine.get(k)!r}, was {n.get(k)!r}" for k in kept[n["type"]]
                if mine.get(k) != n.get(k)]
mine_edges = {json.dumps(e, sort_keys=True) for e in g["edges"]}
changed += [f"edge {e['type']} {e['from']} -> {e['to']} is missing or changed" for e in t["edges"]
            if json.dumps(e, sort_keys=True) not in mine_edges]
for c in changed[:20]:
    print("      " + c)
claim(not changed, f"the teaching region's {len(t['nodes'])} nodes and {len(t['edges'])} edges are kept "
                   f"({len(changed)} differences)")

print(f"reference region check: {len(failures)} failed")
sys.exit(1 if failures else 0)
