#!/usr/bin/env python3
"""Writes scenarios/regions/bourgogne-franche-comte.yaml, the reference region, from the compact tables below.

Usage: make_reference_region.py [OUTPUT]   (default: ../bourgogne-franche-comte.yaml beside this folder)

Deterministic: the same tables give the same bytes. The organisations, assets, links, domains and trusts of the
teaching region (doubs-jura.yaml) keep their ids and structure here (LEGACY_* below); everything else is generated
from the tables by the sizing rules written next to them. The README beside the region explains the choices and the
sources of the orders of magnitude. Before writing, the tool checks what the simulator would otherwise only show at
run time: every dependency and every care need or use can be reached over the links at the start.
"""
import math
import pathlib
import re
import sys

# ----------------------------------------------------------------------------------------------------------------
# Places: real towns of Bourgogne-Franche-Comté (WGS84, town centres rounded to 0.001°).
# ----------------------------------------------------------------------------------------------------------------
TOWNS = {
    "Dijon": (47.322, 5.041), "Besançon": (47.238, 6.024), "Belfort": (47.640, 6.863),
    "Montbéliard": (47.510, 6.798), "Trévenans": (47.566, 6.863), "Héricourt": (47.577, 6.762),
    "Audincourt": (47.483, 6.840), "Vesoul": (47.622, 6.155), "Lure": (47.684, 6.497),
    "Luxeuil-les-Bains": (47.817, 6.381), "Gray": (47.445, 5.591), "Lons-le-Saunier": (46.675, 5.555),
    "Saint-Claude": (46.387, 5.864), "Champagnole": (46.747, 5.909), "Dole": (47.092, 5.490),
    "Arbois": (46.903, 5.774), "Pontarlier": (46.904, 6.354), "Morteau": (47.058, 6.607),
    "Ornans": (47.105, 6.145), "Baume-les-Dames": (47.352, 6.361), "Mouthe": (46.710, 6.195),
    "Valdahon": (47.150, 6.350), "Chalon-sur-Saône": (46.781, 4.854), "Mâcon": (46.307, 4.829),
    "Le Creusot": (46.801, 4.427), "Montceau-les-Mines": (46.667, 4.369), "Autun": (46.951, 4.299),
    "Paray-le-Monial": (46.451, 4.120), "Tournus": (46.563, 4.909), "Louhans": (46.627, 5.224),
    "Cluny": (46.434, 4.659), "Auxerre": (47.798, 3.567), "Sens": (48.197, 3.283), "Joigny": (47.982, 3.397),
    "Avallon": (47.490, 3.908), "Tonnerre": (47.856, 3.974), "Nevers": (46.990, 3.159),
    "Decize": (46.828, 3.461), "Cosne-Cours-sur-Loire": (47.411, 2.925), "Clamecy": (47.460, 3.520),
    "Château-Chinon": (47.064, 3.934), "Beaune": (47.025, 4.840), "Semur-en-Auxois": (47.492, 4.334),
    "Châtillon-sur-Seine": (47.859, 4.573), "Auxonne": (47.193, 5.388), "Is-sur-Tille": (47.521, 5.107),
    "Montbard": (47.623, 4.338), "Quetigny": (47.313, 5.106), "Chenôve": (47.292, 5.005),
    "Nuits-Saint-Georges": (47.137, 4.949), "Saint-Vit": (47.183, 5.812), "Maîche": (47.252, 6.802),
    "Gray-la-Ville": (47.440, 5.578), "Migennes": (47.965, 3.518), "Digoin": (46.481, 3.981),
    "Poligny": (46.837, 5.707), "Morez": (46.525, 6.025), "Delle": (47.508, 6.999),
    "Lyon": (45.764, 4.836),
}

# Département populations (INSEE, populations de référence au 1er janvier 2022): they size SAMU call handling.
DEPARTEMENTS = {
    "21": ("Côte-d'Or", 537577), "25": ("Doubs", 548662), "39": ("Jura", 258405), "58": ("Nièvre", 202299),
    "70": ("Haute-Saône", 233920), "71": ("Saône-et-Loire", 549136), "89": ("Yonne", 333896),
    "90": ("Territoire de Belfort", 140082),
}

# ----------------------------------------------------------------------------------------------------------------
# Sizing rules (per hour, mean over the day; see the README). beds anchor hospitals and EHPADs, patients_per_day the
# others. The legacy organisations keep the demands of the teaching region, which these rules reproduce.
# ----------------------------------------------------------------------------------------------------------------
HOSPITAL_DEMAND = {  # kind: beds divided by
    "emergency": 150, "icu": 4000, "theatre": 480, "maternity": 4800, "neonatal": 20000, "consultations": 40,
    "imaging": 120, "biology": 16, "pharmacy": 24, "chemotherapy": 400, "dialysis": 600, "admissions": 120,
    "radiotherapy": 350,
}
OCCUPANCY, INPATIENT_STAY_H = 0.85, 120   # inpatient arrivals = occupied beds / length of stay
RECEIVER_HEADROOM = 1.3                    # capacity of emergency and ICU: room for diverted patients
DAY_PROFILE = [0] * 8 + [2] * 12 + [0] * 4  # practices, pharmacies: open 08:00-20:00, same daily total
DAY_CAPACITY = 2 * 1.25                     # capacity over the mean demand: the default headroom over the peak
SAMU_PEOPLE_PER_CALL_HOUR = 27000          # regulation demand = population / this (SAMU 25: 20/h)
TELEEXPERTISE_ACTS = {"teleexpertise": 19500, "teledermatologie": 19200}   # 2025, 38,700 acts in all
TELEEXPERTISE_PROFILE = [0, 0, 0, 0, 0, 0, 0.1, 0.3, 1, 1.4, 1.4, 1.2, 0.8, 1, 1.3, 1.3, 1.2, 0.9, 0.5, 0.3, 0.2,
                         0.1, 0, 0]


def rate(per_hour):
    """A rate with at most 2 decimals (0.12/h), never 0 for a positive input."""
    v = max(round(per_hour, 2), 0.01) if per_hour > 0 else 0
    text = f"{v:.2f}".rstrip("0").rstrip(".")
    return f"{text}/h"


# ----------------------------------------------------------------------------------------------------------------
# GHTs: pivot, hosted partner hospitals, hosted EHPADs. p = asset id prefix. kinds = care functions of the pivot.
# ----------------------------------------------------------------------------------------------------------------
FULL = ["emergency", "icu", "theatre", "maternity", "inpatient", "consultations", "imaging", "biology", "pharmacy",
        "chemotherapy", "dialysis", "admissions"]
GHTS = [
    dict(ght="ght-haut-doubs", label="GHT Haut-Doubs (Doubs)", dept="25",
         pivot=dict(id="chi-haut-doubs", p="hd", legacy=True, beds=480, town="Pontarlier",
                    kinds=["emergency", "icu", "theatre", "maternity", "pharmacy", "admissions", "inpatient",
                           "consultations"],
                    sites=["Pontarlier"], backups=["online", "offline"]),
         members=[dict(id="ch-morteau", legacy=True, beds=90, town="Morteau")],
         ehpads=[dict(id="ehpad-les-gentianes", legacy=True, beds=85, town="Pontarlier"),
                 dict(id="ehpad-le-larmont", name="EHPAD Le Larmont", beds=110, town="Pontarlier", p="lm"),
                 dict(id="ehpad-val-de-mouthe", name="EHPAD du Val de Mouthe", beds=60, town="Mouthe", p="vm")]),
    dict(ght="ght-centre", label="GHT Centre Franche-Comté (Doubs, Haute-Saône)", dept="25",
         pivot=dict(id="chu-vesontio", p="chu", legacy=True, beds=1400, town="Besançon",
                    kinds=FULL + ["radiotherapy", "neonatal"], sites=["Minjoz", "Saint-Jacques"],
                    backups=["immutable", "online"]),
         members=[dict(id="ch-ornans", name="Hôpital de proximité de la Loue", beds=70, town="Ornans", p="or",
                       continuity="none"),
                  dict(id="ch-baume-les-dames", name="CH des Deux Vallées", beds=120, town="Baume-les-Dames",
                       p="bd", continuity="theoretical"),
                  dict(id="ch-gray", name="CH du Val de Saône (Gray)", beds=180, town="Gray", p="gy",
                       emergency=True, continuity="theoretical")],
         ehpads=[dict(id="ehpad-les-tilleuls", name="EHPAD Les Tilleuls", beds=80, town="Valdahon", p="tl"),
                 dict(id="ehpad-saint-vit", name="EHPAD Les Vergers de Saint-Vit", beds=95, town="Saint-Vit",
                      p="sv")]),
    dict(ght="ght-jura-nord", label="GHT Jura Nord (Jura)", dept="39",
         pivot=dict(id="ch-dole", p="dole", legacy=True, beds=420, town="Dole",
                    kinds=["emergency", "icu", "theatre", "maternity", "inpatient", "consultations", "imaging",
                           "biology", "pharmacy", "admissions"],
                    sites=["Dole"], backups=["online"]),
         members=[dict(id="ch-arbois", name="CH du Revermont (Arbois-Poligny)", beds=90, town="Arbois", p="ab",
                       continuity="none")],
         ehpads=[dict(id="ehpad-la-clairiere", name="EHPAD La Clairière", beds=90, town="Dole", p="cl"),
                 dict(id="ehpad-poligny", name="EHPAD Les Salines", beds=70, town="Poligny", p="po")]),
    dict(ght="ght-jura-sud", label="GHT Jura Sud (Jura)", dept="39",
         pivot=dict(id="chi-sud-jura", name="CHI du Sud-Jura", p="js", beds=620, town="Lons-le-Saunier",
                    continuity="tested", controls=["edr", "soc"], kinds=[k for k in FULL if k != "biology"],
                    sites=["Lons-le-Saunier", "Morez"], backups=["online", "offline"], domain_mfa=True),
         members=[dict(id="ch-saint-claude", name="CH du Haut-Jura", beds=150, town="Saint-Claude", p="sc",
                       emergency=True, continuity="theoretical"),
                  dict(id="ch-champagnole", name="CH du Plateau (Champagnole)", beds=90, town="Champagnole",
                       p="cg", continuity="none")],
         ehpads=[dict(id="ehpad-les-sapins", name="EHPAD Les Sapins", beds=70, town="Saint-Claude", p="sp"),
                 dict(id="ehpad-bresse-jurassienne", name="EHPAD de la Bresse jurassienne", beds=95,
                      town="Lons-le-Saunier", p="bj")]),
    dict(ght="ght-nord-fc", label="GHT Nord Franche-Comté (Territoire de Belfort, Doubs)", dept="90",
         pivot=dict(id="hopital-nord-comtois", name="Hôpital Nord-Comtois", p="nc", beds=1100, town="Trévenans",
                    continuity="tested", controls=["edr", "soc"], kinds=FULL, tiering=True,
                    sites=["Trévenans", "Montbéliard", "Belfort"], backups=["online", "immutable"]),
         members=[dict(id="chs-territoire", name="CHS du Territoire (psychiatrie)", beds=220, town="Belfort",
                       p="ct", psychiatric=True, continuity="theoretical"),
                  dict(id="ch-hericourt", name="CH de la Lizaine", beds=80, town="Héricourt", p="hr",
                       continuity="none")],
         ehpads=[dict(id="ehpad-la-savoureuse", name="EHPAD La Savoureuse", beds=120, town="Belfort", p="sa"),
                 dict(id="ehpad-pays-de-montbeliard", name="EHPAD du Pays de Montbéliard", beds=100,
                      town="Audincourt", p="pm")]),
    dict(ght="ght-haute-saone", label="GHT Haute-Saône (Haute-Saône)", dept="70",
         pivot=dict(id="gh-haute-saone", name="Groupe hospitalier de Haute-Saône", p="hs", beds=650, town="Vesoul",
                    continuity="theoretical", controls=["soc"], kinds=[k for k in FULL if k != "dialysis"],
                    sites=["Vesoul"], backups=["online"]),
         members=[dict(id="ch-lure", name="CH du Pays de Lure", beds=120, town="Lure", p="lu", continuity="none"),
                  dict(id="ch-luxeuil", name="CH des Vosges saônoises", beds=100, town="Luxeuil-les-Bains", p="lx",
                       continuity="theoretical")],
         ehpads=[dict(id="ehpad-les-vosges-saonoises", name="EHPAD Les Vosges saônoises", beds=80,
                      town="Luxeuil-les-Bains", p="vs"),
                 dict(id="ehpad-la-colombiere", name="EHPAD La Colombière", beds=90, town="Vesoul", p="co")]),
    dict(ght="ght-cote-dor", label="GHT Côte-d'Or (Côte-d'Or)", dept="21",
         pivot=dict(id="chu-divio", name="CHU Divio", p="dj", beds=1700, town="Dijon", continuity="tested",
                    controls=["edr", "soc", "mfa"], kinds=FULL + ["radiotherapy", "neonatal"], tiering=True,
                    bastion=True, domain_mfa=True, sites=["Bocage", "Champmaillot", "Quetigny"],
                    backups=["online", "immutable", "offline"]),
         members=[dict(id="ch-semur", name="CH de l'Auxois (Semur)", beds=150, town="Semur-en-Auxois", p="se",
                       emergency=True, continuity="theoretical"),
                  dict(id="ch-chatillon", name="CH du Châtillonnais", beds=140, town="Châtillon-sur-Seine", p="cn",
                       emergency=True, continuity="none"),
                  dict(id="ch-auxonne", name="CH de la Saône (Auxonne)", beds=100, town="Auxonne", p="ao",
                       continuity="none"),
                  dict(id="chs-dijon", name="CHS de la Combe (psychiatrie)", beds=350, town="Chenôve", p="cd",
                       psychiatric=True, continuity="theoretical")],
         ehpads=[dict(id="ehpad-les-lavandieres", name="EHPAD Les Lavandières", beds=70, town="Is-sur-Tille",
                      p="lv"),
                 dict(id="ehpad-montbard", name="EHPAD du Val de Brenne", beds=85, town="Montbard", p="mb")]),
    dict(ght="ght-saone-loire", label="GHT Saône-et-Loire Bresse Morvan (Saône-et-Loire)", dept="71",
         pivot=dict(id="ch-chalonnais", name="CH du Chalonnais", p="cs", beds=750, town="Chalon-sur-Saône",
                    continuity="theoretical", controls=["soc"], kinds=FULL, sites=["Chalon-sur-Saône", "Louhans"],
                    backups=["online", "offline"]),
         members=[dict(id="ch-montceau", name="CH du Bassin minier", beds=240, town="Montceau-les-Mines", p="mt",
                       emergency=True, continuity="theoretical"),
                  dict(id="ch-le-creusot", name="CH de la Vallée de la Dheune", beds=220, town="Le Creusot",
                       p="lc", emergency=True, continuity="none"),
                  dict(id="ch-autun", name="CH du Morvan (Autun)", beds=230, town="Autun", p="au", emergency=True,
                       continuity="theoretical")],
         ehpads=[dict(id="ehpad-les-mineurs", name="EHPAD Les Mineurs", beds=95, town="Montceau-les-Mines",
                      p="mi"),
                 dict(id="ehpad-bresse-louhannaise", name="EHPAD de la Bresse louhannaise", beds=80, town="Louhans",
                      p="bl")]),
    dict(ght="ght-sud-bourgogne", label="GHT Sud Bourgogne (Saône-et-Loire)", dept="71",
         pivot=dict(id="ch-maconnais", name="CH du Mâconnais", p="mc", beds=650, town="Mâcon", continuity="none",
                    controls=[], kinds=[k for k in FULL if k != "dialysis"], sites=["Mâcon"], backups=["online"]),
         members=[dict(id="ch-paray", name="CH du Charolais-Brionnais", beds=180, town="Paray-le-Monial", p="pa",
                       emergency=True, continuity="none"),
                  dict(id="ch-tournus", name="CH de Tournus", beds=90, town="Tournus", p="tu", continuity="none")],
         ehpads=[dict(id="ehpad-cluny", name="EHPAD Le Clos de Cluny", beds=75, town="Cluny", p="cy")]),
    dict(ght="ght-nievre", label="GHT Nièvre (Nièvre)", dept="58",
         pivot=dict(id="ch-nivernais", name="CH de l'Agglomération nivernaise", p="nv", beds=750, town="Nevers",
                    continuity="theoretical", controls=["edr"], kinds=FULL, domain_mfa=True,
                    sites=["Nevers"], backups=["online", "immutable"]),
         members=[dict(id="ch-decize", name="CH de Decize", beds=110, town="Decize", p="de", continuity="none"),
                  dict(id="ch-cosne", name="CH de Cosne-sur-Loire", beds=170, town="Cosne-Cours-sur-Loire", p="cc",
                       emergency=True, continuity="theoretical"),
                  dict(id="ch-clamecy", name="CH du Haut-Nivernais", beds=120, town="Clamecy", p="cm",
                       continuity="none")],
         ehpads=[dict(id="ehpad-chateau-chinon", name="EHPAD du Morvan", beds=80, town="Château-Chinon", p="cj"),
                 dict(id="ehpad-bords-de-loire", name="EHPAD Les Bords de Loire", beds=100, town="Nevers",
                      p="bo")]),
    dict(ght="ght-yonne", label="GHT Yonne (Yonne)", dept="89",
         pivot=dict(id="ch-auxerrois", name="CH de l'Auxerrois", p="ax", beds=700, town="Auxerre",
                    continuity="theoretical", controls=["soc"], kinds=FULL, sites=["Auxerre"],
                    backups=["online", "offline"]),
         members=[dict(id="ch-senonais", name="CH du Sénonais", beds=450, town="Sens", p="sn", emergency=True,
                       continuity="theoretical"),
                  dict(id="ch-avallon", name="CH du Morvan-Avallonnais", beds=150, town="Avallon", p="av",
                       emergency=True, continuity="none"),
                  dict(id="ch-tonnerre", name="CH du Tonnerrois", beds=90, town="Tonnerre", p="to",
                       continuity="none"),
                  dict(id="ch-joigny", name="CH du Jovinien", beds=110, town="Joigny", p="jo", continuity="none")],
         ehpads=[dict(id="ehpad-les-vignes", name="EHPAD Les Vignes", beds=70, town="Tonnerre", p="vi"),
                 dict(id="ehpad-senonais", name="EHPAD du Sénonais", beds=100, town="Sens", p="ss")]),
]

# Hospitals outside the GHTs (private clinics, a cancer centre, a public hospital that kept its autonomy).
CLINICS = [
    dict(id="clinique-parc-darcy", name="Clinique du Parc Darcy", p="pd", beds=250, town="Dijon",
         kinds=["emergency", "theatre", "inpatient", "consultations", "chemotherapy", "admissions"],
         lab="bio-bourgogne", continuity="theoretical", controls=["edr"], backup="immutable"),
    dict(id="polyclinique-franche-comte", name="Polyclinique de Franche-Comté", p="pf", beds=220,
         town="Besançon", kinds=["emergency", "theatre", "inpatient", "consultations", "admissions"],
         lab="labo-biojura", continuity="tested", controls=["edr", "soc"], backup="immutable"),
    dict(id="clinique-sainte-marie", name="Clinique Sainte-Marie du Chalonnais", p="sm", beds=180,
         town="Chalon-sur-Saône", kinds=["theatre", "inpatient", "consultations", "admissions"],
         lab="labo-saone-bresse", continuity="none", controls=[], backup="online"),
    dict(id="clinique-nord-comtoise", name="Clinique Nord-Comtoise", p="cnc", beds=140, town="Montbéliard",
         kinds=["theatre", "inpatient", "consultations", "admissions"], lab="bio-nord-comtois",
         continuity="theoretical", controls=["edr"], backup="online"),
    dict(id="polyclinique-val-de-saone", name="Polyclinique du Val de Saône", p="vds", beds=160, town="Mâcon",
         kinds=["emergency", "theatre", "inpatient", "consultations", "admissions"], lab="labo-saone-bresse",
         continuity="theoretical", controls=["edr"], backup="online"),
    dict(id="polyclinique-auxerre", name="Polyclinique de l'Yonne", p="py", beds=120, town="Auxerre",
         kinds=["theatre", "inpatient", "consultations", "admissions"], lab="biolab-yonne", continuity="none",
         controls=[], backup=None),
    dict(id="ch-cote-de-beaune", name="CH de la Côte de Beaune", p="cb", beds=300, town="Beaune",
         kinds=["emergency", "theatre", "maternity", "inpatient", "consultations", "imaging", "pharmacy",
                "admissions"], lab="bio-bourgogne", continuity="theoretical", controls=["soc"], backup="online"),
    dict(id="clcc-bourgogne", name="Centre régional de lutte contre le cancer de Bourgogne", p="lcc", beds=150,
         town="Dijon", kinds=["radiotherapy", "chemotherapy", "consultations", "admissions"], lab=None,
         continuity="tested", controls=["edr", "soc", "mfa"], backup="immutable", forest="ad-chu-divio",
         demand={"radiotherapy": 3, "chemotherapy": 2}),  # a cancer centre treats far more than its beds say
]

# Laboratories: patients per day and the organisations whose care needs their LIS (buffer before paper mode).
LABS = [
    dict(id="labo-biojura", legacy=True, p="lab", town="Pontarlier", ppd=1500,
         sites=["Pontarlier", "Morteau", "Ornans", "Maîche"], serves=["chi-haut-doubs", "ch-morteau"]),
    dict(id="bio-bourgogne", name="Bio-Bourgogne (SELAS de biologie médicale)", p="bb", town="Dijon", ppd=2600,
         sites=["Dijon", "Quetigny", "Beaune", "Nuits-Saint-Georges", "Montbard"], domain="ad-bio-bourgogne",
         serves=["clinique-parc-darcy", "ch-cote-de-beaune", "ch-semur"], continuity="tested", controls=["edr"]),
    dict(id="labo-saone-bresse", name="Laboratoires Saône-Bresse", p="lsb", town="Chalon-sur-Saône", ppd=2000,
         sites=["Chalon-sur-Saône", "Mâcon", "Louhans", "Tournus", "Le Creusot"], domain="ad-saone-bresse",
         serves=["clinique-sainte-marie", "polyclinique-val-de-saone", "ch-tournus", "ch-paray"],
         continuity="theoretical", controls=[]),
    dict(id="bio-nord-comtois", name="BioNord-Comtois", p="bnc", town="Montbéliard", ppd=1400,
         sites=["Montbéliard", "Belfort", "Héricourt", "Audincourt", "Delle"], domain="ad-nord-comtois",
         serves=["clinique-nord-comtoise", "ch-hericourt"], continuity="theoretical", controls=["edr"]),
    dict(id="biolab-yonne", name="Biolab Yonne", p="by", town="Auxerre", ppd=1300,
         sites=["Auxerre", "Sens", "Joigny", "Migennes", "Avallon"], domain="ad-biolab-yonne",
         serves=["polyclinique-auxerre", "ch-tonnerre", "ch-joigny"], continuity="none", controls=[]),
    dict(id="bio-loire-morvan", name="Biologie Loire-Morvan", p="blm", town="Nevers", ppd=900,
         sites=["Nevers", "Decize", "Cosne-Cours-sur-Loire", "Clamecy"], domain=None,
         serves=["ch-decize", "ch-clamecy"], continuity="none", controls=[]),
    dict(id="lab-ght-jura-sud", name="Laboratoire commun du GHT Jura Sud", p="ljs", town="Lons-le-Saunier",
         ppd=1100, sites=["Lons-le-Saunier", "Saint-Claude", "Champagnole"], ght="ght-jura-sud",
         serves=["chi-sud-jura", "ch-saint-claude", "ch-champagnole"], continuity="theoretical",
         controls=["edr", "soc"]),
]

# Imaging centres: patients per day, the hospitals they work with (RIS orders, images back).
IMAGING = [
    dict(id="imagerie-hd", legacy=True, p="img", town="Pontarlier", ppd=220, partner="chi-haut-doubs"),
    dict(id="imagerie-bisontine", name="Imagerie médicale bisontine", p="ib", town="Besançon", ppd=400,
         partner="chu-vesontio", continuity="theoretical", controls=["edr"], backup="online"),
    dict(id="imagerie-dijon-sud", name="Centre d'imagerie Dijon Sud", p="ids", town="Chenôve", ppd=380,
         partner="clinique-parc-darcy", continuity="tested", controls=["edr"], backup="immutable"),
    dict(id="imagerie-chalon", name="Radiologie du Chalonnais", p="ic", town="Chalon-sur-Saône", ppd=300,
         partner="ch-chalonnais", continuity="none", controls=[], backup="online"),
    dict(id="imagerie-nord-yonne", name="Imagerie du Nord-Yonne", p="iny", town="Sens", ppd=260,
         partner="ch-auxerrois", continuity="theoretical", controls=[], backup=None),
    dict(id="imagerie-nivernaise", name="Imagerie nivernaise", p="inv", town="Nevers", ppd=240,
         partner="ch-nivernais", continuity="none", controls=[], backup="online"),
]
# Hospitals whose night-time and remote reads go through the shared teleradiology PACS.
TELERAD_USERS = ["ch-gray", "ch-saint-claude", "ch-semur", "ch-chatillon", "ch-cosne", "ch-avallon", "ch-autun",
                 "ch-paray", "gh-haute-saone", "ch-maconnais"]

# Independent EHPADs: their care record is a SaaS (soins-cloud).
EHPADS_INDEPENDENT = [
    dict(id="ehpad-les-roses-dijon", name="EHPAD Les Roses", beds=90, town="Dijon", p="rd"),
    dict(id="ehpad-chamars", name="EHPAD Chamars", beds=110, town="Besançon", p="ch"),
    dict(id="ehpad-hospices-beaune", name="EHPAD Les Hospices", beds=120, town="Beaune", p="hb"),
    dict(id="ehpad-saint-cosme", name="EHPAD Saint-Cosme", beds=85, town="Chalon-sur-Saône", p="sco"),
    dict(id="ehpad-les-charmilles", name="EHPAD Les Charmilles", beds=75, town="Mâcon", p="chm"),
    dict(id="ehpad-les-cedres", name="EHPAD Les Cèdres", beds=95, town="Auxerre", p="ce"),
    dict(id="ehpad-la-loire", name="EHPAD La Loire", beds=70, town="Nevers", p="ll"),
    dict(id="ehpad-le-lion", name="EHPAD Le Lion", beds=100, town="Belfort", p="li"),
]

# GP practices (maisons de santé, cabinets): town, patients per day; all run their records on the SaaS vendor.
GP_PRACTICES = [
    ("cabinet-pontarlier", None, "Pontarlier", 160), ("cabinet-morteau", None, "Morteau", 70),
    ("msp-ornans", "Maison de santé de la Loue", "Ornans", 110), ("msp-maiche", "Maison de santé du Plateau",
                                                                    "Maîche", 90),
    ("cabinet-valdahon", "Cabinet médical de Valdahon", "Valdahon", 60),
    ("msp-besancon-planoise", "Maison de santé de Planoise", "Besançon", 180),
    ("cabinet-besancon-battant", "Cabinet médical de Battant", "Besançon", 80),
    ("msp-baume", "Maison de santé des Deux Vallées", "Baume-les-Dames", 90),
    ("cabinet-mouthe", "Cabinet médical du Haut-Doubs", "Mouthe", 45),
    ("msp-dole", "Maison de santé du Doubs", "Dole", 140), ("cabinet-arbois", "Cabinet médical d'Arbois",
                                                               "Arbois", 50),
    ("msp-lons", "Maison de santé de la Vallière", "Lons-le-Saunier", 130),
    ("cabinet-morez", "Cabinet médical de Morez", "Morez", 55),
    ("msp-belfort", "Maison de santé des Glacis", "Belfort", 150),
    ("msp-montbeliard", "Maison de santé de la Petite-Hollande", "Montbéliard", 140),
    ("cabinet-vesoul", "Cabinet médical de Vesoul", "Vesoul", 90), ("msp-gray", "Maison de santé de Gray",
                                                                     "Gray-la-Ville", 85),
    ("msp-dijon-gresilles", "Maison de santé des Grésilles", "Dijon", 190),
    ("cabinet-dijon-centre", "Cabinet médical Darcy", "Dijon", 90),
    ("msp-beaune", "Maison de santé de la Côte", "Beaune", 120),
    ("msp-semur", "Maison de santé de l'Auxois", "Semur-en-Auxois", 80),
    ("msp-chalon", "Maison de santé du Chalonnais", "Chalon-sur-Saône", 160),
    ("cabinet-le-creusot", "Cabinet médical du Creusot", "Le Creusot", 75),
    ("msp-macon", "Maison de santé du Mâconnais", "Mâcon", 140),
    ("cabinet-digoin", "Cabinet médical de Digoin", "Digoin", 55),
    ("msp-nevers", "Maison de santé de Nevers", "Nevers", 140),
    ("cabinet-clamecy", "Cabinet médical de Clamecy", "Clamecy", 50),
    ("msp-auxerre", "Maison de santé de l'Auxerrois", "Auxerre", 150),
    ("msp-sens", "Maison de santé du Sénonais", "Sens", 130),
    ("cabinet-tonnerre", "Cabinet médical de Tonnerre", "Tonnerre", 50),
]
# CPTS (communautés professionnelles territoriales de santé): unscheduled care coordinated on the SaaS and e-parcours.
CPTS = [
    dict(id="cpts-haut-doubs", name="CPTS du Haut-Doubs", town="Pontarlier", demand=2.0),
    dict(id="cpts-grand-dijon", name="CPTS du Grand Dijon", town="Dijon", demand=3.0),
    dict(id="cpts-nievre-sud", name="CPTS Nièvre Sud", town="Decize", demand=1.0),
]
PHARMACIES = [
    ("pharmacie-centrale", None, "Pontarlier", 300), ("pharmacie-du-doubs", "Pharmacie du Doubs", "Morteau", 200),
    ("pharmacie-granvelle", "Pharmacie Granvelle", "Besançon", 350), ("pharmacie-de-la-loue", "Pharmacie de la Loue",
                                                                       "Ornans", 180),
    ("pharmacie-des-arcades", "Pharmacie des Arcades", "Dole", 260),
    ("pharmacie-du-jura", "Pharmacie du Jura", "Lons-le-Saunier", 240),
    ("pharmacie-du-lion", "Pharmacie du Lion", "Belfort", 280),
    ("pharmacie-du-chateau", "Pharmacie du Château", "Montbéliard", 250),
    ("pharmacie-de-la-motte", "Pharmacie de la Motte", "Vesoul", 220),
    ("pharmacie-darcy", "Pharmacie Darcy", "Dijon", 380), ("pharmacie-des-hospices", "Pharmacie des Hospices",
                                                            "Beaune", 230),
    ("pharmacie-du-port", "Pharmacie du Port", "Chalon-sur-Saône", 270),
    ("pharmacie-saint-vincent", "Pharmacie Saint-Vincent", "Mâcon", 250),
    ("pharmacie-de-la-loire", "Pharmacie de la Loire", "Nevers", 240),
    ("pharmacie-cathedrale", "Pharmacie de la Cathédrale", "Auxerre", 260),
    ("pharmacie-du-senonais", "Pharmacie du Sénonais", "Sens", 230),
    ("pharmacie-du-morvan", "Pharmacie du Morvan", "Autun", 190),
    ("pharmacie-de-l-auxois", "Pharmacie de l'Auxois", "Semur-en-Auxois", 150),
]
# SAMU: département, host of the regulation software (asset prefix of the hosting pivot).
SAMUS = [
    dict(id="samu-25", legacy=True, dept="25", host="chu-vesontio", town=None),
    dict(id="samu-21", dept="21", host="chu-divio", town="Dijon"),
    dict(id="samu-39", dept="39", host="chi-sud-jura", town="Lons-le-Saunier"),
    dict(id="samu-58", dept="58", host="ch-nivernais", town="Nevers"),
    dict(id="samu-70", dept="70", host="gh-haute-saone", town="Vesoul"),
    dict(id="samu-71", dept="71", host="ch-chalonnais", town="Chalon-sur-Saône"),
    dict(id="samu-89", dept="89", host="ch-auxerrois", town="Auxerre"),
    dict(id="samu-90", dept="90", host="hopital-nord-comtois", town="Trévenans"),
]

# ----------------------------------------------------------------------------------------------------------------
# Hospital applications: (suffix, name, kind, data, rto, {care kind: needs|uses}, min beds, where)
# where: hv / hv2 (one of the two virtualisation clusters), biomed (appliances in the biomedical zone).
# A pivot or clinic gets every application whose care kinds it delivers and whose bed threshold it reaches.
# Their RTOs (4 days and more) come after the DPIs' 72 h: recovery restores by increasing RTO, records first.
# ----------------------------------------------------------------------------------------------------------------
APPS = [
    ("gam", "Gestion administrative des malades", "application", "300GB", "96h", {"admissions": "needs"}, 0, "hv"),
    ("identito", "Serveur d'identités (INS)", "application", "50GB", "5d", {"admissions": "uses"}, 300, "hv"),
    ("facturation", "Facturation et PMSI", "application", "400GB", "7d", {"admissions": "uses"}, 0, "hv2"),
    ("urgences", "Logiciel des urgences", "application", "200GB", "96h", {"emergency": "needs"}, 0, "hv"),
    ("lits", "Gestion des lits", "application", "50GB", "5d", {"emergency": "uses", "inpatient": "uses"}, 300,
     "hv2"),
    ("smur", "Gestion des interventions SMUR", "application", "50GB", "5d", {"emergency": "uses"}, 300, "hv2"),
    ("telestroke", "Télé-AVC (thrombolyse à distance)", "application", "100GB", "5d", {"emergency": "uses"}, 450,
     "hv2"),
    ("rea", "Dossier de réanimation", "application", "300GB", "96h", {"icu": "needs"}, 0, "hv"),
    ("bloc", "Planification du bloc opératoire", "application", "100GB", "5d", {"theatre": "needs"}, 0, "hv"),
    ("anesth", "Dossier d'anesthésie", "application", "200GB", "5d", {"theatre": "needs"}, 0, "hv"),
    ("steril", "Traçabilité stérilisation", "application", "500GB", "5d", {"theatre": "needs"}, 0, "hv"),
    ("transfusion", "Traçabilité transfusionnelle", "application", "50GB", "5d", {"theatre": "uses", "icu": "uses"},
     300, "hv2"),
    ("brancardage", "Régulation du brancardage", "application", "20GB", "7d", {"theatre": "uses"}, 500, "hv2"),
    ("perinat", "Dossier périnatal", "application", "150GB", "5d", {"maternity": "needs"}, 0, "hv"),
    ("pharma", "Pharmacie et circuit du médicament", "pharmacy_system", None, "5d", {"pharmacy": "needs"}, 0, "hv"),
    ("automate", "Automate de dispensation", "application", "20GB", "5d", {"pharmacy": "uses"}, 500, "biomed"),
    ("gef", "Gestion économique et achats", "application", "300GB", "7d", {"pharmacy": "uses"}, 0, "hv2"),
    ("chimio", "Prescription de chimiothérapie", "application", "100GB", "5d", {"chemotherapy": "needs"}, 0, "hv"),
    ("dialyse", "Dossier de dialyse", "application", "80GB", "5d", {"dialysis": "needs"}, 0, "hv2"),
    ("ris", "RIS (radiologie)", "application", "300GB", "96h", {"imaging": "needs"}, 0, "hv"),
    ("modalites", "Modalités d'imagerie (scanner, IRM)", "application", "2TB", "5d", {"imaging": "uses"}, 0,
     "biomed"),
    ("lis", "SIL du laboratoire hospitalier", "lis", "2TB", "96h", {"biology": "needs"}, 0, "hv"),
    ("middleware", "Middleware des automates de biologie", "application", "100GB", "5d", {"biology": "uses"}, 0,
     "biomed"),
    ("tps", "Planification de radiothérapie", "application", "5TB", "5d", {"radiotherapy": "needs"}, 0, "hv2"),
    ("rv", "Record and verify (radiothérapie)", "application", "1TB", "5d", {"radiotherapy": "needs"}, 0, "hv2"),
    ("monitoring", "Centrale de surveillance des patients", "application", "200GB", "96h",
     {"icu": "uses", "neonatal": "needs"}, 0, "biomed"),
    ("ecg", "Serveur d'ECG", "application", "100GB", "5d", {"emergency": "uses"}, 300, "biomed"),
    ("pompes", "Pompes à perfusion connectées", "application", "10GB", "5d", {"icu": "uses"}, 600, "biomed"),
    ("appel-malade", "Appel malade", "application", "10GB", "5d", {"inpatient": "uses"}, 300, "biomed"),
    ("restauration", "Restauration (commandes de repas)", "application", "50GB", "7d", {"inpatient": "uses"}, 300,
     "hv2"),
    ("plannings", "Gestion du temps et plannings", "application", "100GB", "7d", {"inpatient": "uses"}, 300, "hv2"),
    ("rdv", "Rendez-vous des consultations", "application", "100GB", "5d", {"consultations": "uses"}, 0, "hv2"),
    ("portail", "Portail patient (rendez-vous en ligne)", "application", "100GB", "5d", {"consultations": "uses"},
     600, "hv2"),
    ("mss", "Messagerie MSSanté de l'établissement", "messaging", "500GB", "5d", {"consultations": "uses"}, 0,
     "hv2"),
    ("fichiers", "Serveurs de fichiers", "application", "10TB", "5d", {"admissions": "uses"}, 0, "hv2"),
    ("neonat", "Dossier de néonatologie", "application", "100GB", "96h", {"neonatal": "needs"}, 0, "hv"),
    ("dmi", "Traçabilité des dispositifs médicaux implantables", "application", "50GB", "5d", {"theatre": "uses"},
     0, "hv2"),
    ("dictee", "Dictée numérique et reconnaissance vocale", "application", "2TB", "5d", {"consultations": "uses"},
     0, "hv2"),
    ("courrier", "Comptes rendus et courriers", "application", "500GB", "5d", {"consultations": "uses"}, 0, "hv2"),
    ("dmp", "Connecteur DMP (Mon espace santé)", "application", "20GB", "7d", {"consultations": "uses"}, 300,
     "hv2"),
    ("teleconsult", "Téléconsultation", "application", "50GB", "7d", {"consultations": "uses"}, 400, "hv2"),
    ("archives", "Archivage des dossiers", "application", "5TB", "7d", {"admissions": "uses"}, 300, "hv2"),
    ("hygiene", "Surveillance des infections associées aux soins", "application", "50GB", "7d",
     {"inpatient": "uses"}, 400, "hv2"),
    ("evenements", "Déclaration des événements indésirables", "application", "20GB", "7d", {"inpatient": "uses"},
     300, "hv2"),
    ("paie", "Paie et ressources humaines", "application", "300GB", "7d", {"admissions": "uses"}, 0, "hv2"),
    ("gmao", "GMAO biomédicale", "application", "50GB", "7d", {"theatre": "uses"}, 400, "hv2"),
    ("ebmd", "Biologie délocalisée (automates au lit du patient)", "application", "20GB", "5d",
     {"emergency": "uses", "icu": "uses"}, 400, "biomed"),
    ("pneumatique", "Transport pneumatique des prélèvements", "application", "5GB", "5d", {"biology": "uses"}, 500,
     "biomed"),
    ("generateurs", "Générateurs de dialyse", "application", "10GB", "5d", {"dialysis": "uses"}, 0, "biomed"),
    ("robot", "Robot chirurgical", "application", "50GB", "5d", {"theatre": "uses"}, 700, "biomed"),
    ("echographes", "Échographes en réseau", "application", "500GB", "5d", {"imaging": "uses",
                                                                            "maternity": "uses"}, 0, "biomed"),
]
# Ward applications: one per speciality the hospital runs, used by the function that cares for those patients.
WARDS = [  # (suffix, name, function that uses it, minimum beds)
    ("cardio", "Dossier de cardiologie", "inpatient", 400),
    ("geriatrie", "Évaluation gériatrique", "inpatient", 400),
    ("pediatrie", "Dossier de pédiatrie", "inpatient", 450),
    ("smr", "Dossier de rééducation (SMR)", "inpatient", 500),
    ("endoscopie", "Gestion de l'endoscopie", "consultations", 450),
    ("ophtalmo", "Dossier d'ophtalmologie", "consultations", 600),
    ("neuro", "Unité neurovasculaire", "inpatient", 600),
    ("onco", "Cancérologie et RCP", "consultations", 600),
    ("pneumo", "Explorations fonctionnelles respiratoires", "consultations", 650),
    ("had", "Hospitalisation à domicile", "inpatient", 650),
    ("psy", "Dossier de psychiatrie", "consultations", 700),
    ("dietetique", "Diététique et nutrition", "inpatient", 700),
    ("cathlab", "Cardiologie interventionnelle", "theatre", 700),
    ("douleur", "Consultation douleur", "consultations", 900),
    ("anapath", "Anatomo-cytopathologie", "consultations", 900),
    ("nucleaire", "Médecine nucléaire", "imaging", 1000),
    ("hemato", "Hématologie clinique", "consultations", 1000),
    ("urg-ped", "Urgences pédiatriques", "emergency", 1200),
    ("genetique", "Génétique médicale", "consultations", 1200),
    ("greffe", "Suivi des greffes", "consultations", 1300),
    ("recherche", "Recherche clinique (eCRF)", "consultations", 1300),
    ("brules", "Centre des brûlés", "icu", 1600),
    ("pma", "Assistance médicale à la procréation", "consultations", 1600),
    ("dentaire", "Odontologie", "consultations", 1300),
    ("orl", "ORL et audiologie", "consultations", 1000),
    ("dermato", "Dermatologie (centre de ressources télé-expertise)", "consultations", 1300),
    ("urologie", "Urologie", "consultations", 500),
    ("orthopedie", "Orthopédie et traumatologie", "inpatient", 500),
    ("gyneco", "Gynécologie", "consultations", 550),
    ("palliatif", "Soins palliatifs", "inpatient", 550),
    ("addicto", "Addictologie", "consultations", 600),
    ("med-interne", "Médecine interne", "inpatient", 600),
    ("infectio", "Maladies infectieuses", "inpatient", 650),
    ("rhumato", "Rhumatologie", "consultations", 650),
    ("diabeto", "Endocrinologie et diabétologie", "consultations", 600),
    ("gastro", "Hépato-gastro-entérologie", "inpatient", 600),
    ("ambulatoire", "Chirurgie ambulatoire", "theatre", 450),
    ("memoire", "Consultation mémoire", "consultations", 700),
    ("sommeil", "Explorations du sommeil", "consultations", 900),
    ("chir-vasc", "Chirurgie vasculaire", "theatre", 900),
    ("neurochir", "Neurochirurgie", "theatre", 1300),
    ("usic", "Soins intensifs de cardiologie", "icu", 600),
    ("reanimation-ped", "Réanimation pédiatrique", "icu", 1300),
]


# ----------------------------------------------------------------------------------------------------------------
# The region model the builders fill (plain dicts in YAML key order).
# ----------------------------------------------------------------------------------------------------------------
class Org:
    def __init__(self, oid, name, kind, town=None, loc=None, **fields):
        self.id, self.name, self.kind = oid, name, kind
        self.loc = loc if loc is not None else TOWNS[town]
        self.fields = fields          # role, ght, continuity, beds, patients_per_day, domain, controls
        self.zones = []               # str or (id, description)
        self.assets = []
        self.care = []
        self.comment = None           # section comment written before the organisation

    def zone(self, z):
        return f"{self.id}/{z}"

    def zone_ids(self):
        return [z if isinstance(z, str) else z[0] for z in self.zones] or ["lan"]

    def add(self, **asset):
        self.assets.append(asset)
        return asset["id"]

    def care_fn(self, **fn):
        self.care.append(fn)
        return fn


# Patients a GP practice cannot see while it has no records do not all wait: per hour, 2 % of those waiting go to an
# emergency department and 5 % to a pharmacist for a renewal (an assumption, see README).
GP_OVERFLOW = [{"to": "emergency", "share": 0.02}, {"to": "dispensing", "share": 0.05}]


class Region:
    def __init__(self):
        self.orgs, self.links, self.domains, self.trusts = [], [], [], []
        self.by_id = {}

    def org(self, o):
        assert o.id not in self.by_id, o.id
        self.orgs.append(o)
        self.by_id[o.id] = o
        return o

    def link(self, lid, frm, to, flows, bandwidth=None, latency=None, two_way=True):
        ln = {"id": lid, "from": frm, "to": to}
        if not two_way:
            ln["two_way"] = False
        if bandwidth:
            ln["bandwidth"] = bandwidth
        if latency:
            ln["latency"] = latency
        ln["flows"] = flows
        self.links.append(ln)

    def asset_count(self):
        return sum(len(o.assets) for o in self.orgs)

    # --- reachability at the start, as the simulator computes it (directed links, zones, the Internet) ---------
    def _endpoint(self, end):
        if end == "internet" or "/" in end:
            return end
        return self.by_id[end].zone(self.by_id[end].zone_ids()[0])

    def unreachable(self):
        arcs = {}
        for ln in self.links:
            a, b = self._endpoint(ln["from"]), self._endpoint(ln["to"])
            arcs.setdefault(a, set()).add(b)
            if ln.get("two_way", True):
                arcs.setdefault(b, set()).add(a)
        cache = {}

        def reach(z):
            if z not in cache:
                seen, todo = {z}, [z]
                while todo:
                    for n in arcs.get(todo.pop(), ()):
                        if n not in seen:
                            seen.add(n)
                            todo.append(n)
                cache[z] = seen
            return cache[z]

        assets = {}
        for o in self.orgs:
            for a in o.assets:
                assets[a["id"]] = (o, a)

        def zone_of(aid):
            o, a = assets[aid]
            if "zone" in a:
                z = a["zone"]
                return z if "/" in z else o.zone(z)
            if "runs_on" in a:
                return zone_of(a["runs_on"])
            return o.zone(o.zone_ids()[0])

        problems = []
        seen = set()
        for o in self.orgs:
            for a in o.assets:
                if a["id"] in seen:
                    problems.append(f"asset id {a['id']} used twice")
                seen.add(a["id"])
                for d in a.get("depends_on", []):
                    target = d if isinstance(d, str) else d["asset"]
                    if zone_of(target) not in reach(zone_of(a["id"])):
                        problems.append(f"{a['id']} depends on {target}, which it cannot reach")
            zones = [o.zone(z) for z in o.zone_ids()]
            for fn in o.care:
                for key in ("needs", "uses"):
                    for item in fn.get(key, []):
                        target = item if isinstance(item, str) else item["asset"]
                        if target not in assets:
                            problems.append(f"{o.id}/{fn.get('id', fn['kind'])} {key} unknown asset {target}")
                        elif not any(zone_of(target) in reach(z) for z in zones):
                            problems.append(f"{o.id}/{fn.get('id', fn['kind'])} {key} {target}, unreachable")
        return problems


def fmt_size(gb):
    return f"{gb / 1000:g}TB" if gb >= 1000 else f"{gb:g}GB"


# ----------------------------------------------------------------------------------------------------------------
# Builders
# ----------------------------------------------------------------------------------------------------------------
def legacy_pivot_core(p):
    """The teaching region's assets of its three pivots, verbatim (ids, kinds, zones, hosting, dependencies)."""
    if p == "hd":
        return [
            dict(id="hd-vpn", kind="remote_access", zone="dmz", rto="24h"),
            dict(id="hd-gateway", kind="internet_gateway", zone="dmz", rto="8h"),
            dict(id="hd-ad", kind="directory", zone="servers", rto="24h"),
            dict(id="hd-storage", kind="storage", zone="servers", data="120TB", rto="72h"),
            dict(id="hd-hv", kind="hypervisor", zone="servers", runs_on="hd-storage", rto="48h"),
            dict(id="hd-dpi", kind="dpi", runs_on="hd-hv", depends_on=["hd-ad"], data="6TB", rto="72h"),
            dict(id="hd-pharma", kind="pharmacy_system", runs_on="hd-hv", depends_on=["hd-ad", "hd-dpi"], rto="48h"),
            dict(id="hd-engine", kind="interface_engine", runs_on="hd-hv", depends_on=["hd-ad"], rto="24h"),
            dict(id="hd-mail", kind="messaging", runs_on="hd-hv", depends_on=["hd-ad", "hd-gateway"], rto="48h"),
            dict(id="hd-steril", kind="application", name="Traçabilité stérilisation", runs_on="hd-hv",
                 depends_on=["hd-ad"], rto="72h"),
            dict(id="hd-toip", kind="ip_telephony", zone="telephony", depends_on=["hd-hv"], rto="24h"),
            dict(id="hd-analog", kind="analog_telephony", zone="telephony"),
            dict(id="hd-backup", kind="backup", zone="backup", mode="online",
                 protects=["hd-ad", "hd-dpi", "hd-pharma", "hd-engine", "hd-mail", "mo-dpi", "ehpad-dpi"]),
            dict(id="hd-tapes", kind="backup", zone="backup", mode="offline", protects=["hd-dpi", "mo-dpi"]),
            dict(id="hd-ws", kind="workstations", zone="users", count=1200, controls=["soc"]),
        ]
    if p == "chu":
        return [
            dict(id="chu-ad", kind="directory", zone="servers", rto="12h"),
            dict(id="chu-hv", kind="hypervisor", zone="servers", rto="24h"),
            dict(id="chu-dpi", kind="dpi", runs_on="chu-hv", depends_on=["chu-ad"], data="25TB", rto="48h"),
            dict(id="chu-pacs", kind="pacs", runs_on="chu-hv", data="400TB", rto="48h"),
            dict(id="chu-backup", kind="backup", zone="dmz", mode="immutable", protects=["chu-ad", "chu-dpi",
                                                                                         "chu-pacs"]),
            dict(id="chu-ws", kind="workstations", zone="users", count=4000),
        ]
    if p == "dole":
        return [
            dict(id="dole-ad", kind="directory", rto="24h"),
            dict(id="dole-hv", kind="hypervisor", rto="48h"),
            dict(id="dole-dpi", kind="dpi", runs_on="dole-hv", depends_on=["dole-ad"], data="5TB", rto="72h"),
            dict(id="dole-backup", kind="backup", zone="backup", mode="online", protects=["dole-dpi"]),
        ]
    raise KeyError(p)


LEGACY_CARE = {  # the teaching region's care functions, verbatim
    "chi-haut-doubs": [
        dict(kind="emergency", needs=["hd-dpi", {"asset": "lab-lis", "buffer": "1h"},
                                      {"asset": "img-pacs", "buffer": "1h"}],
             uses=["hd-toip", "hd-engine", "hd-mail"], demand="3/h", capacity="4/h"),
        dict(kind="icu", needs=["hd-dpi", "lab-lis"], uses=["hd-engine"], demand="0.1/h", capacity="0.15/h"),
        dict(kind="theatre", needs=["hd-dpi", "hd-steril"], demand="1/h"),
        dict(kind="maternity", needs=["hd-dpi"], demand="0.1/h"),
        dict(kind="pharmacy", needs=["hd-pharma"], demand="20/h"),
        dict(kind="admissions", needs=["hd-dpi"], demand="4/h"),
    ],
    "chu-vesontio": [
        dict(kind="emergency", needs=["chu-dpi"], demand="10/h", capacity="13/h"),
        dict(kind="icu", needs=["chu-dpi"], demand="0.4/h", capacity="0.5/h"),
        dict(kind="radiotherapy", needs=["chu-dpi"], demand="4/h"),
        dict(kind="imaging", needs=["chu-pacs"], demand="10/h", capacity="14/h"),
    ],
    "ch-dole": [
        dict(kind="emergency", needs=["dole-dpi"], demand="5/h", capacity="7/h"),
        dict(kind="icu", needs=["dole-dpi"], demand="0.2/h", capacity="0.3/h"),
    ],
}

PIVOT_NAMES = {"chi-haut-doubs": "CHI du Haut-Doubs", "chu-vesontio": "CHU Vesontio",
               "ch-dole": "CH Louis-Pasteur de Dole"}
PIVOT_LEGACY_FIELDS = {
    "chi-haut-doubs": dict(continuity="theoretical", domain="ad-ght-hd", controls=["soc"],
                           zones=["dmz", "servers", "backup", "users", "telephony", "biomed"]),
    "chu-vesontio": dict(continuity="tested", domain="ad-chu", controls=["edr", "soc"],
                         zones=["dmz", "servers", "users", "backup", "telephony", "biomed"]),
    "ch-dole": dict(continuity="theoretical", domain="ad-dole", controls=None,
                    zones=["servers", "backup", "dmz", "users", "telephony", "biomed"]),
}
LEGACY_LOCATIONS = {
    "chi-haut-doubs": (46.904, 6.354), "ch-morteau": (47.058, 6.607), "ehpad-les-gentianes": (46.955, 6.402),
    "chu-vesontio": (47.238, 5.972), "ch-dole": (47.092, 5.490), "labo-biojura": (46.925, 6.340),
    "imagerie-hd": (46.900, 6.360), "grades-bfc": (47.322, 5.041), "medilogic": (48.857, 2.352),
    "cabinet-pontarlier": (46.908, 6.356), "cabinet-morteau": (47.060, 6.605),
    "pharmacie-centrale": (46.905, 6.355), "samu-25": (47.238, 5.975), "ars-bfc": (47.322, 5.041),
    "cyber-bfc": (47.322, 5.041),
}


def domain_id(ght_row):
    piv = ght_row["pivot"]
    return {"chi-haut-doubs": "ad-ght-hd", "chu-vesontio": "ad-chu", "ch-dole": "ad-dole",
            "chu-divio": "ad-chu-divio"}.get(piv["id"], "ad-" + ght_row["ght"])


def slug(text):
    table = str.maketrans("àâäéèêëîïôöùûüç", "aaaeeeeiioouuuc")
    return re.sub(r"[^a-z0-9]+", "-", text.lower().translate(table)).strip("-")


def demand_for(kind, beds):
    """Demand (and, for functions that receive diverted patients, capacity) of a hospital function from its beds."""
    if kind == "inpatient":
        d = beds * OCCUPANCY / INPATIENT_STAY_H
    else:
        d = beds / HOSPITAL_DEMAND[kind]
    out = {"demand": rate(d)}
    if kind in ("emergency", "icu"):
        out["capacity"] = rate(d * RECEIVER_HEADROOM)
    return out


REGIONAL = ("telexpertise", "telerad-pacs")  # assets of other organisations that hospitals' functions use


def asset_ref(item):
    return item if isinstance(item, str) else item["asset"]


def lab_lis(lab):
    return "lab-lis" if lab.get("legacy") else f"{lab['p']}-lis"


def lab_serving(oid):
    for lab in LABS:
        if oid in lab["serves"]:
            return lab
    return None


class Builder:
    def __init__(self):
        self.r = Region()
        self.prefix = {}        # hospital id -> asset prefix
        self.hosted = {}        # pivot id -> the partners' assets it hosts (its backups protect them)
        self.pivots = {}        # GHT id -> pivot Org

    # --- applications and care shared by pivots and clinics ------------------------------------------------
    def hospital_apps(self, o, p, beds, kinds, clusters, wards=True):
        """Adds the applications a hospital of this size and these functions runs; returns (needs, uses) by kind."""
        needs, uses = {}, {}
        have = {a["id"] for a in o.assets}
        for suffix, name, kind, data, rto, cares, min_beds, where in APPS:
            aid = f"{p}-{suffix}"
            if beds < min_beds or not any(k in kinds for k in cares):
                continue
            if aid not in have:  # hd-steril and hd-pharma come from the teaching region as they are
                a = dict(id=aid, name=name, kind=kind)
                if where == "biomed":
                    a["zone"] = "biomed" if "biomed" in o.zone_ids() else "servers"
                else:
                    a["runs_on"] = clusters[where]
                    a["depends_on"] = [f"{p}-ad"] + ([f"{p}-dpi"] if suffix == "pharma" else []) + \
                                      ([f"{p}-gam"] if suffix == "facturation" else [])
                if data:
                    a["data"] = data
                a["rto"] = rto
                o.add(**a)
            for k, how in cares.items():
                if k in kinds:
                    (needs if how == "needs" else uses).setdefault(k, []).append(aid)
        for suffix, name, kind, min_beds in WARDS if wards else []:
            if beds >= min_beds and kind in kinds:
                aid = f"{p}-{suffix}"
                o.add(id=aid, name=name, kind="application", runs_on=clusters["hv2"], depends_on=[f"{p}-ad"],
                      data="100GB", rto="7d")
                uses.setdefault(kind, []).append(aid)
        return needs, uses

    def hospital_care(self, o, p, beds, kinds, needs_added, uses_added, lab_lis_id=None, legacy_care=(),
                      overrides=None):
        """Care functions of a hospital: its DPI and applications, its laboratory, its PACS, the shared services."""
        have = lambda aid: aid in {a["id"] for a in o.assets}  # noqa: E731
        existing = {}
        for fn in legacy_care:
            fn = {k: (list(v) if isinstance(v, list) else v) for k, v in fn.items()}
            existing[fn["kind"]] = o.care_fn(**fn)
        if "imaging" in kinds and not have(f"{p}-pacs") and p != "chu":
            o.add(id=f"{p}-storage-pacs", name="Stockage de l'archive d'images", kind="storage", zone="servers",
                  rto="72h")
            o.add(id=f"{p}-pacs", name="PACS", kind="pacs", runs_on=f"{p}-storage-pacs", depends_on=[f"{p}-ad"],
                  data=fmt_size(beds * 120), rto="48h")
        lis = f"{p}-lis" if "biology" in kinds else lab_lis_id
        common = {"emergency": [f"{p}-toip", f"{p}-dect", f"{p}-engine"], "icu": [f"{p}-engine"],
                  "inpatient": [f"{p}-engine"], "consultations": [f"{p}-mail", "telexpertise"],
                  "biology": [f"{p}-engine"], "imaging": [f"{p}-engine"],
                  "admissions": [f"{p}-engine", f"{p}-toip"]}
        if o.id in TELERAD_USERS:
            common["emergency"] = common["emergency"] + ["telerad-pacs"]
        for k in kinds:
            needs = list(needs_added.get(k, []))
            uses = list(uses_added.get(k, [])) + [u for u in common.get(k, []) if have(u) or u in REGIONAL]
            if k in existing:  # the teaching region's function: its needs stay, the bigger region adds uses
                fn = existing[k]
                named = {asset_ref(n) for n in fn.get("needs", [])} | set(fn.get("uses", []))
                for u in needs + uses:
                    if u not in named:
                        fn.setdefault("uses", []).append(u)
                        named.add(u)
                continue
            if k not in ("pharmacy", "imaging", "biology", "radiotherapy"):
                needs.insert(0, f"{p}-dpi")
            if k == "radiotherapy":
                needs.insert(0, f"{p}-dpi")
            if k in ("emergency", "icu", "theatre") and lis:
                needs.append({"asset": lis, "buffer": "1h"})
            if k in ("emergency", "theatre") and have(f"{p}-pacs"):
                needs.append({"asset": f"{p}-pacs", "buffer": "1h"})
            if k == "imaging":
                needs.append(f"{p}-pacs")
            if k == "inpatient" and lis:
                uses.append({"asset": lis, "buffer": "2h"})
            fn = dict(kind=k, needs=needs)
            if uses:
                fn["uses"] = uses
            fn.update(demand_for(k, beds))
            if overrides and k in overrides:
                fn["demand"] = rate(overrides[k])
            o.care_fn(**fn)

    # --- GHT pivots ----------------------------------------------------------------------------------------
    def pivot(self, g):
        pv = g["pivot"]
        p, beds, oid = pv["p"], pv["beds"], pv["id"]
        legacy = pv.get("legacy", False)
        if legacy:
            f = PIVOT_LEGACY_FIELDS[oid]
            o = Org(oid, PIVOT_NAMES[oid], "hospital", loc=LEGACY_LOCATIONS[oid], role="ght_pivot", ght=g["ght"],
                    continuity=f["continuity"], beds=beds, domain=f["domain"], controls=f["controls"])
            o.zones = f["zones"]
            for a in legacy_pivot_core(p):
                o.add(**a)
        else:
            o = Org(oid, pv["name"], "hospital", town=pv["town"], role="ght_pivot", ght=g["ght"],
                    continuity=pv["continuity"], beds=beds, domain=domain_id(g), controls=pv["controls"] or None)
            o.zones = ["dmz", "servers", "backup", "users", "telephony", "biomed"]
            self.core_infra(o, p, beds, vpn_mfa=pv.get("domain_mfa", False))
        o.comment = f"{g['label']}: the pivot runs the GHT's converged hospital IT"
        self.r.org(o)
        self.prefix[oid], self.hosted[oid], self.pivots[g["ght"]] = p, [], o
        if p in ("chu", "dole"):  # the teaching region left these out of its two receiving pivots
            if p == "dole":
                o.add(id="dole-vpn", name="Passerelle VPN", kind="remote_access", zone="dmz", rto="24h")
            else:
                o.add(id="chu-vpn", name="Passerelle VPN", kind="remote_access", zone="dmz",
                      controls=["mfa", "soc"], rto="24h")
            self.core_services(o, p, f"{p}-hv")
        o.add(id=f"{p}-storage2", name="Baie de stockage du site de secours", kind="storage", zone="servers",
              data=fmt_size(beds * 60), rto="72h")
        o.add(id=f"{p}-hv2", name="Cluster de virtualisation applicatif", kind="hypervisor", zone="servers",
              runs_on=f"{p}-storage2", rto="48h")
        if pv.get("bastion"):
            o.add(id=f"{p}-bastion", name="Bastion d'administration", kind="remote_access", zone="servers",
                  controls=["mfa", "soc"])
        o.add(id=f"{p}-rdgw", name="Passerelle de bureau à distance (prestataires)", kind="remote_access",
              zone="dmz")
        o.add(id=f"{p}-dect", name="DECT et bips", kind="ip_telephony", zone="telephony",
              depends_on=[f"{p}-toip"], rto="48h")
        needs, uses = self.hospital_apps(o, p, beds, pv["kinds"], {"hv": f"{p}-hv", "hv2": f"{p}-hv2"})
        # Workstation pools, by site and use: about 2.5 workstations a bed in all.
        share = {"": 0.55, "soins": 0.25, "consult": 0.12, "urgences": 0.08}
        for i, site in enumerate(pv["sites"]):
            for use, part in share.items():
                if legacy and i == 0 and use == "" and p in ("hd", "chu"):
                    continue  # hd-ws and chu-ws are the first site's general pool
                wid = "-".join(x for x in (f"{p}-ws", slug(site) if i else "", use) if x)
                label = {"": "Postes de travail", "soins": "Postes de soins", "consult": "Postes des consultations",
                         "urgences": "Postes des urgences"}[use]
                o.add(id=wid, name=f"{label}, site de {site}", kind="workstations", zone="users",
                      count=max(10, int(beds * 2.5 * part / len(pv["sites"]))))
        o.add(id=f"{p}-ws-admin", name="Postes d'administration du SI", kind="workstations", zone="users",
              count=max(10, beds // 40), **({"controls": ["edr", "soc", "mfa"]} if pv.get("tiering") else {}))
        lab = lab_serving(oid)
        self.hospital_care(o, p, beds, pv["kinds"], needs, uses, lab_lis(lab) if lab else None,
                           LEGACY_CARE.get(oid, ()))
        return o

    def core_infra(self, o, p, beds, vpn_mfa):
        """Edge, directory, storage, main cluster, DPI and telephony of a hospital that runs its own IT."""
        o.add(id=f"{p}-vpn", name="Passerelle VPN", kind="remote_access", zone="dmz", rto="24h",
              **({"controls": ["mfa", "soc"]} if vpn_mfa else {}))
        o.add(id=f"{p}-ad", name="Contrôleurs de domaine", kind="directory", zone="servers", rto="24h")
        o.add(id=f"{p}-storage", name="Baie de stockage principale", kind="storage", zone="servers",
              data=fmt_size(beds * 250), rto="72h")
        o.add(id=f"{p}-hv", name="Cluster de virtualisation principal", kind="hypervisor", zone="servers",
              runs_on=f"{p}-storage", rto="48h")
        o.add(id=f"{p}-dpi", name="Dossier patient informatisé", kind="dpi", runs_on=f"{p}-hv",
              depends_on=[f"{p}-ad"], data=fmt_size(beds * 12.5), rto="72h")
        self.core_services(o, p, f"{p}-hv")

    def core_services(self, o, p, hv):
        o.add(id=f"{p}-gateway", name="Pare-feu et proxy Internet", kind="internet_gateway", zone="dmz", rto="8h")
        o.add(id=f"{p}-engine", name="Moteur d'interfaces (EAI)", kind="interface_engine", runs_on=hv,
              depends_on=[f"{p}-ad"], rto="24h")
        o.add(id=f"{p}-mail", name="Messagerie", kind="messaging", runs_on=hv, depends_on=[f"{p}-ad", f"{p}-gateway"],
              rto="48h")
        o.add(id=f"{p}-toip", name="Téléphonie IP (call manager)", kind="ip_telephony", zone="telephony",
              depends_on=[hv, {"asset": "sip-trunk", "type": "soft"}], rto="24h")
        o.add(id=f"{p}-analog", name="Lignes analogiques de secours", kind="analog_telephony", zone="telephony")

    def pivot_backups(self, g):
        """Backups of a pivot: every mode it has, covering its applications and the partners' records it hosts."""
        o = self.pivots[g["ght"]]
        p = self.prefix[o.id]
        modes = g["pivot"]["backups"]
        hosted = self.hosted[o.id]
        apps = [a["id"] for a in o.assets if a.get("runs_on") in (f"{p}-hv", f"{p}-hv2", f"{p}-storage-pacs")
                or a["kind"] == "directory"]
        core = [x for x in (f"{p}-ad", f"{p}-dpi", f"{p}-pacs", f"{p}-lis", f"{p}-gam") if x in apps]
        if g["pivot"].get("legacy"):
            # hd-backup, hd-tapes, dole-backup and chu-backup are the teaching region's: they also cover the rest
            first = {"hd": "hd-backup", "dole": "dole-backup", "chu": "chu-backup"}[p]
            b = next(a for a in o.assets if a["id"] == first)
            b["protects"] += [x for x in apps + hosted if x not in b["protects"]] if b["mode"] == "online" else \
                [x for x in core + hosted if x not in b["protects"]]
            if p == "chu":
                o.add(id="chu-backup-online", name="Sauvegardes quotidiennes (disque)", kind="backup", zone="backup",
                      mode="online", protects=apps + hosted)
            if p == "hd":
                tapes = next(a for a in o.assets if a["id"] == "hd-tapes")
                tapes["protects"] += [x for x in hosted if x not in tapes["protects"]]
            return
        names = {"online": ("backup", "Sauvegardes sur disque", apps + hosted),
                 "offline": ("tapes", "Copies sur bandes externalisées", core + hosted),
                 "immutable": ("vault", "Coffre de sauvegardes immuables", core + hosted)}
        for m in modes:
            suffix, name, protects = names[m]
            o.add(id=f"{p}-{suffix}", name=name, kind="backup", zone="backup", mode=m, protects=protects)

    # --- hosted partner hospitals --------------------------------------------------------------------------
    def member(self, g, m):
        pivot = self.pivots[g["ght"]]
        p = self.prefix[pivot.id]
        if m.get("legacy"):
            o = Org("ch-morteau", "CH du Val de Morteau", "hospital", loc=LEGACY_LOCATIONS["ch-morteau"],
                    role="ght_member", ght=g["ght"], continuity="none", beds=90, domain="ad-ght-hd")
            o.zones = ["users"]
            o.add(id="mo-dpi", kind="dpi", runs_on="hd-hv", depends_on=["hd-ad"], data="800GB", rto="72h",
                  _comment="Its records run in the pivot's data centre: they fall with the pivot's hypervisors.")
            o.add(id="mo-ws", kind="workstations", count=180)
            o.add(id="mo-analog", kind="analog_telephony")
            o.add(id="mo-toip", name="Téléphonie IP (poste du call manager du pivot)", kind="ip_telephony",
                  depends_on=["hd-toip"], rto="72h")
            o.add(id="mo-ws-ehpad", name="Postes de l'EHPAD rattaché", kind="workstations", count=20)
            o.care_fn(kind="inpatient", needs=["mo-dpi"], uses=["mo-toip", {"asset": "lab-lis", "buffer": "2h"}],
                      demand="0.4/h")
            o.care_fn(kind="consultations", needs=["mo-dpi"], uses=["hd-mail", "telexpertise"], demand="5/h")
            self.r.org(o)
            self.hosted[pivot.id].append("mo-dpi")
            return o
        q, beds = m["p"], m["beds"]
        o = Org(m["id"], m["name"], "hospital", town=m["town"], role="ght_member", ght=g["ght"],
                continuity=m["continuity"], beds=beds, domain=pivot.fields["domain"])
        o.add(id=f"{q}-dpi", name="Dossier patient (instance hébergée par le pivot)", kind="dpi",
              runs_on=f"{p}-hv", depends_on=[f"{p}-ad"], data=fmt_size(beds * 9), rto="72h")
        self.hosted[pivot.id].append(f"{q}-dpi")
        o.add(id=f"{q}-ws", name="Postes de travail", kind="workstations", count=max(30, beds * 2))
        o.add(id=f"{q}-toip", name="Téléphonie IP (poste du call manager du pivot)", kind="ip_telephony",
              depends_on=[f"{p}-toip"], rto="72h")
        o.add(id=f"{q}-analog", name="Lignes analogiques", kind="analog_telephony")
        o.add(id=f"{q}-srv", name="Serveur local", kind="hypervisor", rto="5d")
        o.add(id=f"{q}-fichiers", name="Partages de fichiers et impressions", kind="application",
              runs_on=f"{q}-srv", data="2TB", rto="5d")
        o.add(id=f"{q}-dect", name="DECT et bips", kind="ip_telephony", depends_on=[f"{q}-toip"], rto="72h")
        o.add(id=f"{q}-monitoring", name="Centrale de surveillance des patients", kind="application", data="50GB",
              rto="72h")
        o.add(id=f"{q}-ws-consult", name="Postes des consultations", kind="workstations", count=max(10, beds // 3))
        o.add(id=f"{q}-4g", name="Accès Internet de secours (4G)", kind="internet_gateway")
        lab = lab_serving(o.id)
        lis = lab_lis(lab) if lab else (f"{p}-lis" if any(a["id"] == f"{p}-lis" for a in pivot.assets) else None)
        if m.get("emergency"):
            em = dict(kind="emergency", needs=[f"{q}-dpi"] + ([{"asset": lis, "buffer": "1h"}] if lis else []),
                      uses=[f"{q}-toip", f"{p}-engine"] + (["telerad-pacs"] if o.id in TELERAD_USERS else []))
            em.update(demand_for("emergency", beds))
            o.care_fn(**em)
        inp = dict(kind="inpatient", needs=[f"{q}-dpi"],
                   uses=[f"{q}-toip", f"{q}-dect", f"{q}-monitoring", f"{q}-fichiers"] +
                   ([{"asset": lis, "buffer": "2h"}] if lis else []))
        inp.update(demand_for("inpatient", beds))
        o.care_fn(**inp)
        cons = dict(kind="consultations", needs=[f"{q}-dpi"],
                    uses=[f"{p}-mail"] + ([] if m.get("psychiatric") else ["telexpertise"]))
        cons.update(demand_for("consultations", beds))
        o.care_fn(**cons)
        self.r.org(o)
        wan_flows = ["https", "smb", "ldap", "kerberos", "rdp"] if m["continuity"] == "none" else \
            ["https", "smb", "ldap", "kerberos"]
        self.r.link(f"wan-{o.id}", o.id, pivot.zone("servers"), wan_flows, "1Gbps" if beds >= 150 else "500Mbps",
                    "4ms")
        self.r.link(f"wan-{o.id}-tel", o.id, pivot.zone("telephony"), ["sip"], "100Mbps", "4ms")
        return o

    # --- EHPADs ---------------------------------------------------------------------------------------------
    def ehpad_hosted(self, g, e):
        pivot = self.pivots[g["ght"]]
        p = self.prefix[pivot.id]
        if e.get("legacy"):
            o = Org("ehpad-les-gentianes", "EHPAD Les Gentianes", "ehpad", loc=LEGACY_LOCATIONS[e["id"]],
                    role="ght_member", ght=g["ght"], continuity="none", beds=85, domain="ad-ght-hd")
            o.add(id="ehpad-dpi", kind="dpi", name="Dossier de soins", runs_on="hd-hv", depends_on=["hd-ad"],
                  data="150GB", rto="5d")
            o.add(id="gentianes-ws", name="Postes de soins", kind="workstations", count=25)
            o.add(id="gentianes-analog", name="Lignes analogiques", kind="analog_telephony")
            o.care_fn(kind="long_term_care", needs=["ehpad-dpi"], uses=["telexpertise"], demand="3.5/h")
            self.r.org(o)
            self.hosted[pivot.id].append("ehpad-dpi")
            return o
        q = e["p"]
        o = Org(e["id"], e["name"], "ehpad", town=e["town"], role="ght_member", ght=g["ght"],
                continuity="none" if e["beds"] < 90 else "theoretical", beds=e["beds"],
                domain=pivot.fields["domain"])
        o.add(id=f"{q}-dpi", name="Dossier de soins (hébergé par le pivot)", kind="dpi", runs_on=f"{p}-hv",
              depends_on=[f"{p}-ad"], data=fmt_size(e["beds"] * 2), rto="5d")
        self.hosted[pivot.id].append(f"{q}-dpi")
        o.add(id=f"{q}-ws", name="Postes de soins", kind="workstations", count=max(10, e["beds"] // 4))
        o.add(id=f"{q}-ws-admin", name="Postes administratifs", kind="workstations", count=4)
        o.add(id=f"{q}-analog", name="Lignes analogiques", kind="analog_telephony")
        o.add(id=f"{q}-appel", name="Appel malade", kind="application", data="5GB")
        o.care_fn(kind="long_term_care", needs=[f"{q}-dpi"], uses=[f"{q}-appel", "telexpertise"],
                  demand=rate(e["beds"] / 24))
        self.r.org(o)
        self.r.link(f"wan-{o.id}", o.id, pivot.zone("servers"), ["https", "ldap", "kerberos"], "100Mbps", "5ms")
        return o

    def ehpad_independent(self, e):
        q = e["p"]
        o = Org(e["id"], e["name"], "ehpad", town=e["town"],
                continuity="theoretical" if e["beds"] >= 100 else "none", beds=e["beds"])
        o.add(id=f"{q}-ws", name="Postes de soins", kind="workstations", count=max(10, e["beds"] // 4))
        o.add(id=f"{q}-box", name="Accès Internet", kind="internet_gateway")
        o.add(id=f"{q}-analog", name="Lignes analogiques", kind="analog_telephony")
        o.add(id=f"{q}-appel", name="Appel malade", kind="application", data="5GB")
        o.care_fn(kind="long_term_care", needs=["sc-saas"], uses=[f"{q}-appel", "telexpertise"],
                  demand=rate(e["beds"] / 24))
        self.r.org(o)
        self.r.link(f"{o.id}-internet", o.id, "internet", ["https"], "100Mbps", "15ms", two_way=False)
        return o

    # --- clinics and hospitals outside the GHTs ------------------------------------------------------------
    def clinic(self, c):
        p, beds = c["p"], c["beds"]
        dom = f"ad-{c['id']}"
        o = Org(c["id"], c["name"], "hospital", town=c["town"], continuity=c["continuity"], beds=beds, domain=dom,
                controls=c["controls"] or None)
        o.zones = ["dmz", "servers", "users", "telephony"] + (["backup"] if c["backup"] else [])
        self.r.org(o)
        self.prefix[o.id] = p
        self.core_infra(o, p, beds, vpn_mfa="mfa" in c["controls"])
        needs, uses = self.hospital_apps(o, p, beds, c["kinds"], {"hv": f"{p}-hv", "hv2": f"{p}-hv"}, wards=False)
        o.add(id=f"{p}-ws", name="Postes de travail", kind="workstations", zone="users", count=int(beds * 1.5))
        lab = next((lab for lab in LABS if lab["id"] == c["lab"]), None)
        self.hospital_care(o, p, beds, c["kinds"], needs, uses, lab_lis(lab) if lab else None,
                           overrides=c.get("demand"))
        if c["backup"]:
            apps = [a["id"] for a in o.assets if a.get("runs_on") == f"{p}-hv" or a["kind"] == "directory"]
            o.add(id=f"{p}-backup", name="Sauvegardes", kind="backup", zone="backup", mode=c["backup"],
                  protects=apps)
        self.edge_links(o)
        if lab:
            self.r.link(f"{o.id}-{lab['id']}", o.zone("servers"), lab["id"], ["hl7"], "200Mbps", "3ms")
        return o

    def edge_links(self, o, biomed=False):
        """Exposure, internal segmentation and outbound Internet of a hospital running its own IT."""
        z = o.zone
        self.r.link(f"{o.id}-exposure", "internet", z("dmz"), ["vpn", "https"], latency="10ms", two_way=False)
        self.r.link(f"{o.id}-dmz-servers", z("dmz"), z("servers"), ["rdp", "https", "ldap"], "10Gbps",
                    two_way=False)
        self.r.link(f"{o.id}-users-servers", z("users"), z("servers"), ["https", "rdp", "smb", "ldap", "kerberos"],
                    "10Gbps")
        if "backup" in o.zone_ids():
            self.r.link(f"{o.id}-servers-backup", z("servers"), z("backup"), ["backup", "smb"], "10Gbps")
        self.r.link(f"{o.id}-outbound", z("servers"), "internet", ["https", "smtp"], "1Gbps", "10ms",
                    two_way=False)
        self.r.link(f"{o.id}-telephony", z("telephony"), z("servers"), ["sip"])
        self.r.link(f"{o.id}-sip-trunk", z("telephony"), "op-telecom", ["sip"], "100Mbps", "8ms")
        if biomed:
            self.r.link(f"{o.id}-biomed", z("biomed"), z("servers"), ["hl7", "dicom"], "1Gbps")

    # --- laboratories ---------------------------------------------------------------------------------------
    def lab(self, lab):
        p = lab["p"]
        if lab.get("legacy"):
            o = Org("labo-biojura", "Laboratoires BioJura (SELAS)", "laboratory", loc=LEGACY_LOCATIONS[lab["id"]],
                    continuity="theoretical", patients_per_day=1500, domain="ad-labo")
            o.zones = ["lan", "backup"]
            o.add(id="lab-ad", kind="directory")
            o.add(id="lab-lis", kind="lis", depends_on=["lab-ad"], data="2TB", rto="12h")
            ad = "lab-ad"
        else:
            extra = {"role": "ght_member", "ght": lab["ght"]} if lab.get("ght") else {}
            pivot = self.pivots.get(lab.get("ght"))
            o = Org(lab["id"], lab["name"], "laboratory", town=lab["town"], continuity=lab["continuity"],
                    patients_per_day=lab["ppd"], controls=lab["controls"] or None,
                    domain=pivot.fields["domain"] if pivot else lab["domain"], **extra)
            o.zones = ["lan"] if pivot else ["lan", "backup"]
            if pivot:  # the GHT's common laboratory runs its LIS in the pivot's data centre
                pp = self.prefix[pivot.id]
                ad = f"{pp}-ad"
                o.add(id=f"{p}-lis", name="SIL (hébergé par le pivot)", kind="lis", runs_on=f"{pp}-hv",
                      depends_on=[ad], data="1500GB", rto="24h")
                self.hosted[pivot.id].append(f"{p}-lis")
            else:
                ad = f"{p}-ad" if lab["domain"] else None
                if ad:
                    o.add(id=ad, name="Contrôleur de domaine", kind="directory", rto="24h")
                o.add(id=f"{p}-lis", name="SIL", kind="lis", data=fmt_size(lab["ppd"] * 1.2), rto="24h",
                      **({"depends_on": [ad]} if ad else {}))
        lis = lab_lis(lab)
        deps = {"depends_on": [ad]} if ad else {}
        o.add(id=f"{p}-hprim", name="Serveur d'échanges HPRIM et HL7", kind="interface_engine", rto="24h", **deps)
        o.add(id=f"{p}-middleware", name="Middleware des automates", kind="application", data="200GB", rto="48h")
        if not lab.get("ght"):  # the hospital laboratory sends results through its pivot's messaging
            o.add(id=f"{p}-portal", name="Serveur de résultats en ligne", kind="application", data="500GB",
                  rto="72h", **deps)
        for site in lab["sites"]:
            o.add(id=f"{p}-ws-{slug(site)}", name=f"Postes du site de {site}", kind="workstations",
                  count=8 if site != lab["town"] else 25)
        if "backup" in o.zone_ids() and lab["id"] != "bio-loire-morvan":
            mode = "immutable" if lab.get("continuity") == "tested" else "online"
            o.add(id=f"{p}-backup", name="Sauvegardes", kind="backup", zone="backup", mode=mode,
                  protects=([ad] if ad else []) + [lis, f"{p}-hprim"] + ([] if lab.get("ght") else [f"{p}-portal"]))
        partner_engines = [f"{self.prefix[s]}-engine" for s in lab["serves"] if s in self.prefix
                           and self.r.by_id.get(s) is not None and self.r.by_id[s].fields.get("role") == "ght_pivot"]
        fn = dict(kind="biology", needs=[lis],
                  uses=[f"{p}-hprim", f"{p}-middleware"] + partner_engines,
                  demand=rate(lab["ppd"] / 25) if not lab.get("legacy") else "60/h")
        o.care_fn(**fn)
        self.r.org(o)
        if lab.get("ght"):
            self.r.link(f"{o.id}-pivot", o.id, self.pivots[lab["ght"]].zone("servers"), ["https", "hl7"],
                        "1Gbps", "2ms")
            return o
        if not lab.get("legacy"):
            for s in lab["serves"]:
                served = self.r.by_id.get(s)
                if served is None:
                    continue  # a clinic: it makes its own link to the laboratory
                to = served.zone("servers") if "servers" in served.zone_ids() else s
                self.r.link(f"{o.id}-{s}", o.id, to, ["hl7"], "200Mbps", latency(o, served))
        self.r.link(f"{o.id}-results", "internet", o.id, ["https"], latency="10ms", two_way=False)
        self.r.link(f"{o.id}-outbound", o.id, "internet", ["https", "smtp"], "200Mbps", "10ms", two_way=False)
        if "backup" in o.zone_ids():
            self.r.link(f"{o.id}-backup", o.id, o.zone("backup"), ["backup"], "1Gbps")
        return o

    # --- imaging centres and the shared teleradiology PACS -------------------------------------------------
    def imaging(self, c):
        p = c["p"]
        partner = self.r.by_id[c["partner"]]
        engine = f"{self.prefix[partner.id]}-engine"
        if c.get("legacy"):
            o = Org("imagerie-hd", "Centre d'imagerie du Haut-Doubs", "imaging_centre",
                    loc=LEGACY_LOCATIONS["imagerie-hd"], continuity="theoretical", patients_per_day=220)
            o.zones = ["lan", "backup"]
            o.add(id="img-pacs", kind="pacs", data="60TB", controls=["edr"], rto="24h")
            backup = "online"
        else:
            o = Org(c["id"], c["name"], "imaging_centre", town=c["town"], continuity=c["continuity"],
                    patients_per_day=c["ppd"], controls=c["controls"] or None)
            o.zones = ["lan", "backup"] if c["backup"] else ["lan"]
            o.add(id=f"{p}-pacs", name="PACS", kind="pacs", data=fmt_size(c["ppd"] * 250), rto="48h")
            backup = c["backup"]
        o.add(id=f"{p}-ris", name="RIS", kind="application", data="200GB", rto="48h")
        o.add(id=f"{p}-modalites", name="Modalités (scanner, IRM, échographes)", kind="application", data="1TB",
              rto="72h")
        o.add(id=f"{p}-ws", name="Postes de travail et consoles", kind="workstations", count=max(15, c["ppd"] // 8))
        if backup:
            o.add(id=f"{p}-backup", name="Sauvegardes", kind="backup", zone="backup", mode=backup,
                  protects=[f"{p}-pacs", f"{p}-ris"])
        if c.get("legacy"):
            o.care_fn(kind="imaging", needs=["img-pacs"], uses=["img-ris", "img-modalites", engine], demand="9/h",
                      capacity="12/h")
        else:
            o.care_fn(kind="imaging", needs=[f"{p}-pacs", f"{p}-ris"], uses=[f"{p}-modalites", engine],
                      demand=rate(c["ppd"] / 24), capacity=rate(c["ppd"] / 24 * RECEIVER_HEADROOM))
            self.r.link(f"wan-{o.id}", o.id, partner.zone("servers"), ["dicom", "hl7"], "1Gbps",
                        latency(o, partner))
        self.r.link(f"{o.id}-outbound", o.id, "internet", ["https"], "200Mbps", "10ms", two_way=False)
        if backup:
            self.r.link(f"{o.id}-backup", o.id, o.zone("backup"), ["backup"], "1Gbps")
        self.r.org(o)
        return o

    def teleradiology(self):
        o = Org("telerad-bfc", "GIE Téléradiologie Bourgogne-Franche-Comté", "imaging_centre", town="Quetigny",
                continuity="tested", patients_per_day=70, domain="ad-telerad", controls=["edr", "soc"])
        o.zones = ["dmz", "servers", "backup"]
        o.comment = "Shared teleradiology: night and remote reads for hospitals without a radiologist on site"
        o.add(id="telerad-portal", name="Portail des radiologues à distance", kind="remote_access", zone="dmz",
              controls=["mfa", "soc"])
        o.add(id="telerad-ad", name="Contrôleur de domaine", kind="directory", zone="servers", rto="24h")
        o.add(id="telerad-hv", name="Cluster de virtualisation", kind="hypervisor", zone="servers", rto="48h")
        o.add(id="telerad-pacs", name="PACS partagé de téléradiologie", kind="pacs", runs_on="telerad-hv",
              depends_on=["telerad-ad"], data="180TB", rto="24h")
        o.add(id="telerad-ris", name="RIS de téléradiologie", kind="application", runs_on="telerad-hv",
              depends_on=["telerad-ad"], data="300GB", rto="24h")
        o.add(id="telerad-ws", name="Consoles de lecture des radiologues", kind="workstations", zone="dmz",
              count=40)
        o.add(id="telerad-vault", name="Coffre de sauvegardes immuables", kind="backup", zone="backup",
              mode="immutable", protects=["telerad-ad", "telerad-pacs", "telerad-ris"])
        o.care_fn(kind="imaging", needs=["telerad-pacs", "telerad-ris"], demand="3/h", capacity="4/h")
        self.r.org(o)
        self.r.link("telerad-exposure", "internet", o.zone("dmz"), ["vpn", "https"], latency="10ms", two_way=False)
        self.r.link("telerad-dmz-servers", o.zone("dmz"), o.zone("servers"), ["https", "dicom"], "10Gbps",
                    two_way=False)
        self.r.link("telerad-servers-backup", o.zone("servers"), o.zone("backup"), ["backup"], "10Gbps")
        for uid in TELERAD_USERS:
            u = self.r.by_id[uid]
            end = u.zone("servers") if "servers" in u.zone_ids() else uid
            self.r.link(f"telerad-{uid}", end, o.zone("servers"), ["dicom", "hl7"], "1Gbps", latency(o, u))

    # --- regional services, vendors, telephony -------------------------------------------------------------
    def regional_platform(self):
        o = Org("grades-bfc", "GRADeS e-santé BFC", "regional_platform", loc=LEGACY_LOCATIONS["grades-bfc"],
                continuity="tested", controls=["edr", "soc"])
        o.zones = ["lan", "backup"]
        o.comment = "Regional services: the e-health platform operator (GRADeS), the SaaS vendors, telephony"
        o.add(id="telexpertise", kind="teleexpertise", name="Plateforme de télé-expertise", rto="24h")
        o.add(id="grades-mss", kind="messaging", name="Messagerie sécurisée régionale", rto="24h")
        o.add(id="grades-ad", name="Annuaire des services régionaux", kind="directory", domain="ad-grades",
              rto="24h")
        o.add(id="grades-hv", name="Cluster des services régionaux", kind="hypervisor", domain="ad-grades",
              rto="48h")
        o.add(id="grades-ror", name="Répertoire opérationnel des ressources (ROR)", kind="application",
              runs_on="grades-hv", domain="ad-grades", depends_on=["grades-ad"], data="200GB", rto="24h")
        o.add(id="grades-eparcours", name="Plateforme e-parcours", kind="application", runs_on="grades-hv",
              domain="ad-grades", depends_on=["grades-ad"], data="1TB", rto="48h")
        o.add(id="grades-vault", name="Coffre de sauvegardes immuables", kind="backup", zone="backup",
              domain="ad-grades", mode="immutable",
              protects=["telexpertise", "grades-mss", "grades-ad", "grades-ror", "grades-eparcours"])
        for fid, acts in TELEEXPERTISE_ACTS.items():
            per_hour = acts / 365 / sum(TELEEXPERTISE_PROFILE)
            fn = dict(kind="teleexpertise", needs=["telexpertise"], demand=rate(per_hour),
                      profile=TELEEXPERTISE_PROFILE, capacity=rate(per_hour * 2))
            if fid != "teleexpertise":
                fn = dict(kind="teleexpertise", id=fid, **{k: v for k, v in fn.items() if k != "kind"})
            o.care_fn(**fn)
        self.r.org(o)
        self.r.link("grades-backup", o.id, o.zone("backup"), ["backup"], "1Gbps")
        self.r.link("grades-outbound", o.id, "internet", ["https", "smtp"], "1Gbps", "10ms", two_way=False)

    def vendors(self):
        o = Org("medilogic", "MediLogic (éditeur SaaS de logiciel médical)", "software_vendor",
                loc=LEGACY_LOCATIONS["medilogic"], continuity="theoretical", controls=["soc"])
        o.zones = ["lan", "backup"]
        o.add(id="saas-gp", kind="saas", name="Dossier médical cabinet (SaaS)", data="30TB", rto="72h")
        o.add(id="saas-admin", kind="remote_access", name="Console d'administration")
        o.add(id="saas-fse", name="Facturation SESAM-Vitale (FSE)", kind="application", depends_on=["saas-gp"],
              data="2TB", rto="72h")
        o.add(id="saas-backup", name="Sauvegardes de la plateforme", kind="backup", zone="backup", mode="online",
              protects=["saas-gp", "saas-fse"])
        # The records' copy in immutable object storage: slow to bring back (2 Gbps) but out of an attacker's reach.
        o.add(id="saas-vault", name="Copie immuable des dossiers", kind="backup", zone="backup", mode="immutable",
              protects=["saas-gp"], bandwidth="2Gbps")
        self.r.org(o)
        self.r.link("saas-backup", o.id, o.zone("backup"), ["backup"], "10Gbps")
        s = Org("soins-cloud", "SoinsCloud (éditeur SaaS du dossier de soins en EHPAD)", "software_vendor",
                town="Lyon", continuity="theoretical", controls=["soc"])
        s.zones = ["lan", "backup"]
        s.add(id="sc-saas", name="Dossier de soins EHPAD (SaaS)", kind="saas", data="8TB", rto="72h")
        s.add(id="sc-admin", name="Console d'administration", kind="remote_access")
        s.add(id="sc-backup", name="Sauvegardes de la plateforme", kind="backup", zone="backup", mode="online",
              protects=["sc-saas"])
        self.r.org(s)
        self.r.link("soins-cloud-internet", "internet", s.id, ["https"], latency="12ms", two_way=False)
        self.r.link("soins-cloud-backup", s.id, s.zone("backup"), ["backup"], "10Gbps")
        t = Org("op-telecom", "Opérateur télécom régional (trunks SIP des établissements)", "other", town="Dijon",
                continuity="tested")
        t.add(id="sip-trunk", name="Trunks SIP des établissements et des SAMU", kind="ip_telephony", rto="8h")
        t.add(id="pstn", name="Réseau téléphonique commuté", kind="analog_telephony")
        self.r.org(t)

    # --- primary care, pharmacies ---------------------------------------------------------------------------
    def nearest_lab_portal(self, o):
        labs = [lab for lab in LABS if not lab.get("ght")]
        lab = min(labs, key=lambda x: distance(o.loc, LEGACY_LOCATIONS.get(x["id"]) or TOWNS[x["town"]]))
        return f"{lab['p']}-portal"

    def practice(self, pid, name, town, ppd):
        legacy = name is None
        o = Org(pid, name or ("Maison de santé de Pontarlier" if pid == "cabinet-pontarlier"
                              else "Cabinet médical de Morteau"), "gp_practice",
                loc=LEGACY_LOCATIONS[pid] if legacy else TOWNS[town], patients_per_day=ppd)
        o.add(id=f"{pid}-ws", name="Postes des médecins et du secrétariat", kind="workstations",
              count=max(3, ppd // 15))
        o.add(id=f"{pid}-box", name="Accès Internet", kind="internet_gateway")
        o.add(id=f"{pid}-tel", name="Téléphonie IP de la box", kind="ip_telephony", depends_on=[f"{pid}-box"])
        o.add(id=f"{pid}-vitale", name="Lecteurs de cartes Vitale et CPS", kind="application", data="1GB")
        extra = [f"{pid}-tel", f"{pid}-vitale", "saas-fse", "telexpertise", self.nearest_lab_portal(o)]
        if legacy:
            uses = (["grades-mss"] if pid == "cabinet-pontarlier" else []) + extra
            o.care_fn(kind="primary_care", needs=["saas-gp"], uses=uses,
                      demand="6/h" if pid == "cabinet-pontarlier" else "3/h", overflow=GP_OVERFLOW)
        else:
            o.care_fn(kind="primary_care", needs=["saas-gp"], uses=extra + ["grades-mss"], demand=rate(ppd / 25),
                      profile=DAY_PROFILE, capacity=rate(ppd / 25 * DAY_CAPACITY), degraded=0.9,
                      overflow=GP_OVERFLOW)
            self.r.link(f"{pid}-internet", pid, "internet", ["https"], "100Mbps" if ppd >= 100 else "50Mbps",
                        "15ms", two_way=False)
        self.r.org(o)

    def cpts(self, c):
        o = Org(c["id"], c["name"], "other", town=c["town"], continuity="theoretical")
        o.add(id=f"{c['id']}-ws", name="Postes de la coordination", kind="workstations", count=4)
        o.add(id=f"{c['id']}-box", name="Accès Internet", kind="internet_gateway")
        o.care_fn(kind="other", id="soins-non-programmes", needs=["saas-gp"], uses=["grades-eparcours",
                                                                                    "telexpertise"],
                  demand=rate(c["demand"]), profile=DAY_PROFILE, capacity=rate(c["demand"] * DAY_CAPACITY))
        self.r.org(o)
        self.r.link(f"{o.id}-internet", o.id, "internet", ["https"], "100Mbps", "15ms", two_way=False)

    def pharmacy(self, pid, name, town, ppd):
        legacy = name is None
        o = Org(pid, name or "Pharmacie centrale de Pontarlier", "pharmacy",
                loc=LEGACY_LOCATIONS[pid] if legacy else TOWNS[town], patients_per_day=ppd)
        lgo = "pharma-lgo" if legacy else f"{pid}-lgo"
        o.add(id=lgo, kind="application", name="Logiciel d'officine", **({} if legacy else {"data": "200GB"}))
        o.add(id=f"{pid}-ws", name="Postes du comptoir", kind="workstations", count=max(3, ppd // 60))
        o.add(id=f"{pid}-box", name="Accès Internet", kind="internet_gateway")
        o.add(id=f"{pid}-dp", name="Connecteur du dossier pharmaceutique", kind="application", data="1GB")
        if legacy:
            o.care_fn(kind="dispensing", needs=[lgo], uses=[f"{pid}-dp"], demand="12/h")
        else:
            o.care_fn(kind="dispensing", needs=[lgo], uses=[f"{pid}-dp"], demand=rate(ppd / 25), profile=DAY_PROFILE,
                      capacity=rate(ppd / 25 * DAY_CAPACITY))
        self.r.org(o)
        self.r.link(f"{pid}-internet", pid, "internet", ["https"], "100Mbps", "15ms", two_way=False)

    # --- SAMU, ARS, regional cyber support ------------------------------------------------------------------
    def samu(self, s):
        host = self.r.by_id[s["host"]]
        hp = self.prefix[host.id]
        name, pop = DEPARTEMENTS[s["dept"]]
        if s.get("legacy"):
            o = Org("samu-25", "SAMU 25", "samu", loc=LEGACY_LOCATIONS["samu-25"], continuity="tested")
            o.add(id="samu-regulation", kind="application", name="Logiciel de régulation", runs_on="chu-hv",
                  depends_on=["chu-ad"], rto="4h")
            reg = "samu-regulation"
        else:
            o = Org(s["id"], f"SAMU {s['dept']} ({name})", "samu", town=s["town"],
                    continuity="tested" if s["dept"] in ("21", "71", "89") else "theoretical")
            reg = f"{s['id']}-regulation"
            o.add(id=reg, name="Logiciel de régulation", kind="application", runs_on=f"{hp}-hv",
                  depends_on=[f"{hp}-ad"], rto="4h")
        o.add(id=f"{s['id']}-toip", name="Plateforme téléphonique du 15", kind="ip_telephony",
              depends_on=[{"asset": "sip-trunk", "type": "soft"}], rto="4h")
        o.add(id=f"{s['id']}-analog", name="Lignes analogiques de secours", kind="analog_telephony")
        o.add(id=f"{s['id']}-ws", name="Postes des assistants de régulation", kind="workstations",
              count=max(12, pop // 25000))
        if s.get("legacy"):
            o.care_fn(kind="regulation", needs=[reg], uses=[f"{s['id']}-toip", "grades-ror"], demand="20/h",
                      capacity="30/h")
        else:
            d = pop / SAMU_PEOPLE_PER_CALL_HOUR
            o.care_fn(kind="regulation", needs=[reg], uses=[f"{s['id']}-toip", "grades-ror"], demand=rate(d),
                      capacity=rate(d * 1.5))
            self.r.link(f"wan-{s['id']}", o.id, host.zone("servers"), ["https", "sip"], "1Gbps",
                        latency(o, host))
        self.r.link(f"{s['id']}-sip", o.id, "op-telecom", ["sip"], "100Mbps", "8ms")
        self.r.org(o)

    def authorities(self):
        a = Org("ars-bfc", "ARS Bourgogne-Franche-Comté", "ars", loc=LEGACY_LOCATIONS["ars-bfc"])
        a.comment = "Authorities and regional crisis support"
        a.add(id="ars-ws", name="Postes de la CRAPS et de la veille sanitaire", kind="workstations", count=40)
        a.add(id="ars-analog", name="Lignes de crise", kind="analog_telephony")
        self.r.org(a)
        c = Org("cyber-bfc", "Centre régional de cybersécurité (appui aux établissements)", "regional_platform",
                loc=LEGACY_LOCATIONS["cyber-bfc"], role="cyber_support")
        c.add(id="cyber-ws", name="Postes des analystes", kind="workstations", count=12)
        c.add(id="cyber-kit", name="Valises d'intervention (accès distant)", kind="remote_access")
        self.r.org(c)


def distance(a, b):
    """Great-circle distance in km."""
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def latency(a, b):
    """One-way WAN latency: 2 ms of equipment plus 1 ms per 50 km."""
    return f"{2 + round(distance(a.loc, b.loc) / 50)}ms"


# ----------------------------------------------------------------------------------------------------------------
# Links and identity
# ----------------------------------------------------------------------------------------------------------------
LEGACY_LINKS = [  # the teaching region's links, verbatim
    ("hd-exposure", "internet", "chi-haut-doubs/dmz", ["vpn", "https"], None, "10ms", False),
    ("hd-dmz-servers", "chi-haut-doubs/dmz", "chi-haut-doubs/servers", ["rdp", "https", "ldap"], "10Gbps", None,
     False),
    ("hd-users-servers", "chi-haut-doubs/users", "chi-haut-doubs/servers", ["https", "rdp", "smb", "ldap",
                                                                            "kerberos"], "10Gbps", None, True),
    ("hd-servers-backup", "chi-haut-doubs/servers", "chi-haut-doubs/backup", ["backup", "smb"], "10Gbps", None,
     True),
    ("hd-outbound", "chi-haut-doubs/servers", "internet", ["https", "smtp"], "1Gbps", "10ms", False),
    ("hd-telephony", "chi-haut-doubs/telephony", "chi-haut-doubs/servers", ["sip"], None, None, True),
    ("wan-morteau", "ch-morteau", "chi-haut-doubs/servers", ["https", "smb", "ldap", "kerberos", "rdp"], "1Gbps",
     "4ms", True),
    ("wan-ehpad", "ehpad-les-gentianes", "chi-haut-doubs/servers", ["https", "ldap", "kerberos"], "100Mbps", "3ms",
     True),
    ("wan-labo", "labo-biojura", "chi-haut-doubs/servers", ["hl7", "smb"], "200Mbps", "3ms", True),
    ("wan-imagerie", "imagerie-hd", "chi-haut-doubs/servers", ["dicom", "hl7"], "1Gbps", "2ms", True),
    ("wan-ght-chu", "chi-haut-doubs/servers", "chu-vesontio/servers", ["https", "hl7", "dicom"], "1Gbps", "6ms",
     True),
    ("dole-servers-backup", "ch-dole/servers", "ch-dole/backup", ["backup", "smb"], "10Gbps", None, True),
    ("wan-chu-dole", "chu-vesontio/servers", "ch-dole", ["https", "hl7"], "1Gbps", "7ms", True),
    ("wan-samu-chu", "samu-25", "chu-vesontio/servers", ["https", "sip"], "1Gbps", "1ms", True),
    ("chu-exposure", "internet", "chu-vesontio/dmz", ["https"], None, "10ms", False),
    ("grades-internet", "internet", "grades-bfc", ["https", "smtp"], None, "10ms", False),
    ("saas-internet", "internet", "medilogic", ["https"], None, "12ms", False),
    ("cabinets-internet-1", "cabinet-pontarlier", "internet", ["https"], "100Mbps", "15ms", False),
    ("cabinets-internet-2", "cabinet-morteau", "internet", ["https"], "50Mbps", "15ms", False),
]

# Pivot to university hospital (recourse, images, results) and between the two university hospitals.
REGIONAL_LINKS = [
    ("chi-sud-jura", "chu-vesontio", "1Gbps"), ("hopital-nord-comtois", "chu-vesontio", "1Gbps"),
    ("gh-haute-saone", "chu-vesontio", "1Gbps"), ("chu-vesontio", "chu-divio", "10Gbps"),
    ("ch-dole", "chu-divio", "1Gbps"), ("ch-chalonnais", "chu-divio", "1Gbps"),
    ("ch-maconnais", "chu-divio", "1Gbps"), ("ch-nivernais", "chu-divio", "1Gbps"),
    ("ch-auxerrois", "chu-divio", "1Gbps"), ("clcc-bourgogne", "chu-divio", "10Gbps"),
]

# Trusts: (from, to, two_way, mfa). Identities of 'from' are accepted in 'to'.
TRUSTS = [
    ("ad-ght-hd", "ad-labo", True, False),                  # the teaching region's legacy result trust
    ("ad-ght-hd", "ad-chu", False, True),
    ("ad-dole", "ad-chu", False, True),
    ("ad-ght-jura-sud", "ad-chu", False, True),
    ("ad-ght-haute-saone", "ad-chu", False, False),         # no MFA on this one: a gap to find in exercises
    ("ad-ght-nord-fc", "ad-chu", False, True),
    ("ad-ght-nord-fc", "ad-nord-comtois", True, True),
    ("ad-ght-saone-loire", "ad-saone-bresse", True, False),  # legacy HPRIM result trust, like Haut-Doubs'
    ("ad-ght-yonne", "ad-biolab-yonne", True, False),
    ("ad-ght-saone-loire", "ad-chu-divio", False, True),
    ("ad-ght-sud-bourgogne", "ad-chu-divio", False, True),
    ("ad-ght-nievre", "ad-chu-divio", False, True),
    ("ad-ght-yonne", "ad-chu-divio", False, True),
    ("ad-chu", "ad-chu-divio", True, True),
    ("ad-clcc-bourgogne", "ad-chu-divio", True, False),
]


def build_region():
    b = Builder()
    r = b.r
    for lid, frm, to, flows, bw, lat, two in LEGACY_LINKS:
        r.link(lid, frm, to, flows, bw, lat, two_way=two)
    for g in GHTS:
        pivot = b.pivot(g)
        first_member = len(r.orgs)
        for m in g["members"]:
            b.member(g, m)
        r.orgs[first_member].comment = "its partners: their records run on the pivot's clusters"
        for e in g["ehpads"]:
            b.ehpad_hosted(g, e)
        for lab in LABS:
            if lab.get("ght") == g["ght"]:
                b.lab(lab)
        b.pivot_backups(g)
        p = b.prefix[pivot.id]
        if p == "hd":
            r.link("hd-biomed", pivot.zone("biomed"), pivot.zone("servers"), ["hl7", "dicom"], "1Gbps")
            r.link("hd-sip-trunk", pivot.zone("telephony"), "op-telecom", ["sip"], "100Mbps", "8ms")
        elif p == "chu":
            z = pivot.zone
            r.link("chu-vpn-exposure", "internet", z("dmz"), ["vpn"], latency="10ms", two_way=False)
            r.link("chu-dmz-servers", z("dmz"), z("servers"), ["https", "ldap"], "10Gbps", two_way=False)
            r.link("chu-users-servers", z("users"), z("servers"), ["https", "rdp", "smb", "ldap", "kerberos"],
                   "10Gbps")
            r.link("chu-servers-backup", z("servers"), z("backup"), ["backup"], "10Gbps")
            r.link("chu-servers-vault", z("servers"), z("dmz"), ["backup"], "10Gbps", two_way=False)
            r.link("chu-outbound", z("servers"), "internet", ["https", "smtp"], "10Gbps", "10ms", two_way=False)
            r.link("chu-telephony", z("telephony"), z("servers"), ["sip"])
            r.link("chu-sip-trunk", z("telephony"), "op-telecom", ["sip"], "1Gbps", "6ms")
            r.link("chu-biomed", z("biomed"), z("servers"), ["hl7", "dicom"], "10Gbps")
        elif p == "dole":
            b.edge_links(pivot, biomed=True)
            r.links = [ln for ln in r.links if ln["id"] != "ch-dole-servers-backup"]  # dole-servers-backup is it
        else:
            b.edge_links(pivot, biomed=True)
    for i, c in enumerate(CLINICS):
        b.clinic(c).comment = "Hospitals outside the GHTs: private clinics, a cancer centre, Beaune" if i == 0 else None
    first = len(r.orgs)
    for lab in LABS:
        if not lab.get("ght"):
            b.lab(lab)
    r.orgs[first].comment = "Private laboratories: one LIS for several sites, needed by hospitals and clinics"
    first = len(r.orgs)
    for c in IMAGING:
        b.imaging(c)
    r.orgs[first].comment = "Imaging centres: their RIS takes orders from a partner hospital's interface engine"
    b.teleradiology()
    b.regional_platform()
    b.vendors()
    for e in EHPADS_INDEPENDENT:
        b.ehpad_independent(e)
    r.orgs[-len(EHPADS_INDEPENDENT)].comment = "Independent EHPADs: their care record is a SaaS"
    first_gp = len(r.orgs)
    for row in GP_PRACTICES:
        b.practice(*row)
    r.orgs[first_gp].comment = "Primary care: GP practices and CPTS on the SaaS GP software, pharmacies"
    for c in CPTS:
        b.cpts(c)
    for row in PHARMACIES:
        b.pharmacy(*row)
    first_samu = len(r.orgs)
    for s in SAMUS:
        b.samu(s)
    r.orgs[first_samu].comment = "SAMU: one per département, regulation software run by the hospital that hosts it"
    b.authorities()
    for a, c, bw in REGIONAL_LINKS:
        oa, oc = r.by_id[a], r.by_id[c]
        r.link(f"wan-{a}-{c}", oa.zone("servers"), oc.zone("servers"), ["https", "hl7", "dicom"], bw,
               latency(oa, oc))
    # Identity: the teaching region's four domains first, then one a GHT, then the others.
    r.domains = [dict(id="ad-ght-hd", owner="chi-haut-doubs"),
                 dict(id="ad-chu", owner="chu-vesontio", tiering=True, bastion=True, admin_mfa=True),
                 dict(id="ad-dole", owner="ch-dole"), dict(id="ad-labo", owner="labo-biojura")]
    for g in GHTS:
        pv = g["pivot"]
        if pv.get("legacy"):
            continue
        d = dict(id=domain_id(g), owner=pv["id"])
        for flag, key in (("tiering", "tiering"), ("bastion", "bastion"), ("domain_mfa", "admin_mfa")):
            if pv.get(flag):
                d[key] = True
        r.domains.append(d)
    for c in CLINICS:
        d = dict(id=f"ad-{c['id']}", owner=c["id"])
        if c.get("forest"):
            d["forest"] = c["forest"]
        r.domains.append(d)
    for lab in LABS:
        if lab.get("domain") and not lab.get("ght"):
            r.domains.append(dict(id=lab["domain"], owner=lab["id"]))
    r.domains += [dict(id="ad-telerad", owner="telerad-bfc"), dict(id="ad-grades", owner="grades-bfc")]
    for frm, to, two, mfa in TRUSTS:
        t = dict({"from": frm, "to": to})
        if not two:
            t["two_way"] = False
        if mfa:
            t["mfa"] = True
        r.trusts.append(t)
    return r


# ----------------------------------------------------------------------------------------------------------------
# YAML writer: one flow mapping a line for assets, care functions and links, as in the teaching region
# ----------------------------------------------------------------------------------------------------------------
ASSET_KEYS = ["id", "name", "kind", "zone", "domain", "data", "count", "bandwidth", "controls", "rto", "runs_on",
              "depends_on", "mode", "protects"]
CARE_KEYS = ["kind", "id", "needs", "uses", "demand", "profile", "capacity", "floor", "degraded", "overflow"]
LINK_KEYS = ["id", "from", "to", "two_way", "bandwidth", "latency", "flows"]
PLAIN = re.compile(r"^[A-Za-z0-9À-ÿ][^:#{}\[\],&*!|>%@`\"]*$")
WIDTH = 118     # comments and wrapped lists
ONE_LINE = 150  # an asset, function or link on one line up to this width


def scalar(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return f"{v:g}" if isinstance(v, float) else str(v)
    if PLAIN.match(v) and not v.endswith(" ") and v.lower() not in ("true", "false", "null", "yes", "no"):
        return v
    return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'


def flow(v):
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k}: {flow(x)}" for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(flow(x) for x in v) + "]"
    return scalar(v)


def ordered(d, keys):
    return {k: d[k] for k in keys if k in d}


def item_lines(d, indent):
    """'- {…}' on one line, or a block mapping with wrapped lists when that line would be too long."""
    one = " " * indent + "- " + flow(d)
    if len(one) <= ONE_LINE:
        return [one]
    lines, pad = [], " " * (indent + 2)
    for i, (k, v) in enumerate(d.items()):
        head = (" " * indent + "- " if i == 0 else pad) + f"{k}: "
        if isinstance(v, list) and len(head) + len(flow(v)) > WIDTH:
            cur, cont = head + "[", " " * (len(head) + 1)
            for j, x in enumerate(v):
                piece = flow(x) + (", " if j < len(v) - 1 else "]")
                if len(cur) + len(piece.rstrip()) > WIDTH:
                    lines.append(cur.rstrip())
                    cur = cont
                cur += piece
            lines.append(cur)
        else:
            lines.append(head + flow(v))
    return lines


def write_region(r):
    out = [
        "# Région Bourgogne-Franche-Comté (fictive): the reference region of the scenario library.",
        "# Generated by scenarios/regions/tools/make_reference_region.py from its tables; edit either place (see",
        "# scenarios/regions/README.md: structure, sizing rules and the sources of every order of magnitude).",
        "# Names are invented; places, structure and orders of magnitude follow the real region. The teaching",
        "# region doubs-jura.yaml is a slice of this one: its ids and structure are kept here unchanged.",
        "name: Région Bourgogne-Franche-Comté (fictive)",
        "description: >-",
        "  Eleven GHTs whose pivots host their partner hospitals' and EHPADs' patient records, two university",
        "  hospitals, private clinics and a cancer centre, private and hospital laboratories, imaging centres and a",
        "  shared teleradiology PACS, the regional e-health platform (télé-expertise, ROR, e-parcours, secure",
        "  messaging), SaaS vendors for GP practices and EHPADs, GP practices and CPTS, pharmacies, the eight SAMU,",
        "  a telephony operator, the ARS and the regional cybersecurity resource centre.",
        "",
        "organisations:",
    ]
    for o in r.orgs:
        if o.comment:
            out.append(f"  # --- {o.comment} " + "-" * max(3, WIDTH - 10 - len(o.comment)))
        out.append(f"  - id: {o.id}")
        out.append(f"    name: {scalar(o.name)}")
        out.append(f"    kind: {o.kind}")
        f = o.fields
        for key in ("role", "ght"):
            if f.get(key):
                out.append(f"    {key}: {f[key]}")
        out.append(f"    location: {{lat: {o.loc[0]:.3f}, lon: {o.loc[1]:.3f}}}")
        if f.get("continuity"):
            out.append(f"    continuity: {f['continuity']}")
        for key in ("beds", "patients_per_day", "domain"):
            if f.get(key) is not None:
                out.append(f"    {key}: {f[key]}")
        if f.get("controls"):
            out.append(f"    controls: {flow(f['controls'])}")
        if o.zones:
            out.append(f"    zones: {flow(o.zones)}")
        if o.assets:
            out.append("    assets:")
            for a in o.assets:
                if a.get("_comment"):
                    out.append(f"      # {a['_comment']}")
                out += item_lines(ordered(a, ASSET_KEYS), 6)
        if o.care:
            out.append("    care_functions:")
            for fn in o.care:
                out += item_lines(ordered(fn, CARE_KEYS), 6)
        out.append("")
    out.append("links:")
    for ln in r.links:
        out += item_lines(ordered(ln, LINK_KEYS), 2)
    out += ["", "identity:", "  domains:"]
    for d in r.domains:
        out += item_lines(d, 4)
    out.append("  trusts:")
    for t in r.trusts:
        out += item_lines(t, 4)
    return "\n".join(out) + "\n"


def main():
    out = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else \
        pathlib.Path(__file__).resolve().parent.parent / "bourgogne-franche-comte.yaml"
    region = build_region()
    problems = region.unreachable()
    for p in problems:
        print(f"make_reference_region.py: {p}", file=sys.stderr)
    if problems:
        sys.exit(1)
    out.write_text(write_region(region), encoding="utf-8")
    print(f"wrote {out}: {len(region.orgs)} organisations, {region.asset_count()} assets, {len(region.links)} links")


if __name__ == "__main__":
    main()
