#!/usr/bin/env python3
"""Builds rules/outlets.json, the outlet registry, from the data in ../shared/data.

Sources (each credited in the output file and in README.md):
  - Wikipedia "Reliable sources/Perennial sources" (RSP): outlet names, domains, reliability status.
    CC BY-SA 4.0; the registry, as derived data, is CC BY-SA 4.0 too.
  - Lin et al. 2023, aggregate news-domain quality ratings (pc1, 0 = lowest, 1 = highest).
  - FakeNewsCorpus websites.csv (OpenSources-derived domain labels), Apache-2.0.
The curated table below adds outlet types, common aliases ("AP", "The Associated Press") and a
few outlets RSP does not list; it is this project's own work.

Usage: python3 tools/outlets/build_outlets.py [path/to/shared/data] > rules/outlets.json
Standard library only; the output is deterministic (sorted, no timestamps).
"""
import csv
import json
import re
import sys
from pathlib import Path

DATA = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[3] / "shared" / "data"

STATUS = {"gr": "generally_reliable", "nc": "no_consensus", "gu": "generally_unreliable", "d": "deprecated", "m": "marginal"}

# Curated: id -> (display name, type, extra aliases). Types: wire, broadcaster, newspaper, magazine,
# digital, agency-state; platform for user-generated platforms (PLATFORMS below), company for
# businesses (COMPANIES); otherwise news when a domain has a quality rating, else other.
CURATED = {
    "Associated Press": ("Associated Press", "wire", ["AP", "The Associated Press", "Associated Press"]),
    "Reuters": ("Reuters", "wire", ["Reuters", "Thomson Reuters"]),
    "Agence France-Presse": ("Agence France-Presse", "wire", ["AFP", "Agence France-Presse", "Agence France Presse"]),
    "United Press International": ("United Press International", "wire", ["UPI", "United Press International"]),
    "Xinhua News Agency": ("Xinhua", "agency-state", ["Xinhua", "Xinhua News Agency"]),
    "TASS": ("TASS", "agency-state", ["TASS", "Tass"]),
    "Anadolu Agency": ("Anadolu Agency", "wire", ["Anadolu Agency", "Anadolu"]),
    "BBC": ("BBC", "broadcaster", ["BBC", "BBC News", "BBC World Service", "the BBC"]),
    "CNN": ("CNN", "broadcaster", ["CNN", "Cable News Network"]),
    "NBC News": ("NBC News", "broadcaster", ["NBC News", "NBC"]),
    "ABC News (United States)": ("ABC News", "broadcaster", ["ABC News", "ABC"]),
    "CBS News": ("CBS News", "broadcaster", ["CBS News", "CBS"]),
    "Fox News": ("Fox News", "broadcaster", ["Fox News", "Fox News Channel"]),
    "NPR": ("NPR", "broadcaster", ["NPR", "National Public Radio"]),
    "PBS": ("PBS", "broadcaster", ["PBS", "PBS NewsHour"]),
    "Al Jazeera Media Network": ("Al Jazeera", "broadcaster", ["Al Jazeera", "Al Jazeera English", "Al-Jazeera"]),
    "Al Arabiya": ("Al Arabiya", "broadcaster", ["Al Arabiya"]),
    "Sky News": ("Sky News", "broadcaster", ["Sky News"]),
    "Deutsche Welle": ("Deutsche Welle", "broadcaster", ["Deutsche Welle", "DW News"]),
    "France 24": ("France 24", "broadcaster", ["France 24"]),
    "CNBC": ("CNBC", "broadcaster", ["CNBC"]),
    "MSNBC": ("MSNBC", "broadcaster", ["MSNBC"]),
    "The New York Times": ("The New York Times", "newspaper", ["The New York Times", "New York Times", "NYT"]),
    "The Washington Post": ("The Washington Post", "newspaper", ["The Washington Post", "Washington Post"]),
    "The Wall Street Journal": ("The Wall Street Journal", "newspaper", ["The Wall Street Journal", "Wall Street Journal", "WSJ"]),
    "The Guardian": ("The Guardian", "newspaper", ["The Guardian"]),
    "The Times": ("The Times", "newspaper", ["The Times of London", "The Sunday Times"]),
    "The Daily Telegraph": ("The Daily Telegraph", "newspaper", ["The Daily Telegraph", "The Telegraph"]),
    "The Independent": ("The Independent", "newspaper", ["The Independent"]),
    "Financial Times": ("Financial Times", "newspaper", ["Financial Times", "the FT"]),
    "USA Today": ("USA Today", "newspaper", ["USA Today"]),
    "Los Angeles Times": ("Los Angeles Times", "newspaper", ["Los Angeles Times", "LA Times"]),
    "Haaretz": ("Haaretz", "newspaper", ["Haaretz"]),
    "The Jerusalem Post": ("The Jerusalem Post", "newspaper", ["The Jerusalem Post", "Jerusalem Post"]),
    "The Times of Israel": ("The Times of Israel", "digital", ["The Times of Israel", "Times of Israel"]),
    "The Times of India": ("The Times of India", "newspaper", ["The Times of India", "Times of India"]),
    "South China Morning Post": ("South China Morning Post", "newspaper", ["South China Morning Post", "SCMP"]),
    "Le Monde": ("Le Monde", "newspaper", ["Le Monde"]),
    "Der Spiegel": ("Der Spiegel", "magazine", ["Der Spiegel", "Spiegel"]),
    "The Economist": ("The Economist", "magazine", ["The Economist"]),
    "The Atlantic": ("The Atlantic", "magazine", ["The Atlantic"]),
    "Newsweek": ("Newsweek", "magazine", ["Newsweek"]),
    "Time (magazine)": ("Time", "magazine", ["Time magazine", "TIME magazine"]),
    "Politico": ("Politico", "digital", ["Politico", "POLITICO"]),
    "Axios (website)": ("Axios", "digital", ["Axios"]),
    "The Hill (newspaper)": ("The Hill", "newspaper", ["The Hill"]),
    "ProPublica": ("ProPublica", "digital", ["ProPublica"]),
    "Bloomberg L.P.": ("Bloomberg", "wire", ["Bloomberg News", "Bloomberg"]),
    "HuffPost": ("HuffPost", "digital", ["HuffPost", "Huffington Post", "The Huffington Post"]),
    "Breitbart News": ("Breitbart News", "digital", ["Breitbart News", "Breitbart"]),
    "Infowars": ("Infowars", "digital", ["Infowars", "InfoWars"]),
    "Daily Mail": ("Daily Mail", "newspaper", ["Daily Mail", "MailOnline", "Mail Online"]),
    "The Sun (United Kingdom)": ("The Sun", "newspaper", ["The Sun"]),
    "Sputnik (news agency)": ("Sputnik", "agency-state", ["Sputnik News"]),
    "The Conversation (website)": ("The Conversation", "digital", ["The Conversation"]),
    "Vox (website)": ("Vox", "digital", ["Vox"]),
    "New York (magazine)": ("New York magazine", "magazine", ["New York magazine"]),
    "Bellingcat": ("Bellingcat", "digital", ["Bellingcat"]),
}

# Outlets' own link-shortening and sister domains ("politi.co/2dciZlR" is Politico's), keyed by RSP
# name: a short link names the outlet as surely as its main domain. Not used for quality.
SHORT_DOMAINS = {
    "Politico": ["politi.co", "politico.eu"], "The New York Times": ["nyti.ms"], "The Washington Post": ["wapo.st"],
    "CNN": ["cnn.it"], "NPR": ["n.pr"], "Los Angeles Times": ["lat.ms"], "BBC": ["bbc.in"], "Reuters": ["reut.rs"],
    "Associated Press": ["apne.ws"], "Fox News": ["fxn.ws"], "NBC News": ["nbcnews.to"], "ABC News (United States)": ["abcn.ws"],
    "CBS News": ["cbsn.ws"], "USA Today": ["usat.ly"], "Bloomberg L.P.": ["bloom.bg"], "HuffPost": ["huff.to", "huffp.st"],
    "The Atlantic": ["theatln.tc"], "The Economist": ["econ.st"], "The Guardian": ["gu.com"], "The Independent": ["ind.pn"],
    "Daily Mail": ["dailym.ai"], "Time (magazine)": ["ti.me"], "Business Insider": ["read.bi"], "CNBC": ["cnb.cx"],
}

# Outlets RSP does not list (as of the data here) that articles commonly cite.
EXTRA = [
    {"name": "Yonhap", "type": "wire", "aliases": ["Yonhap", "Yonhap News Agency"], "domains": ["yna.co.kr", "en.yna.co.kr"]},
    {"name": "Kyodo News", "type": "wire", "aliases": ["Kyodo News", "Kyodo"], "domains": ["kyodonews.net"]},
    {"name": "Euronews", "type": "broadcaster", "aliases": ["Euronews"], "domains": ["euronews.com"]},
    {"name": "Voice of America", "type": "broadcaster", "aliases": ["Voice of America", "VOA"], "domains": ["voanews.com"]},
    {"name": "CBC News", "type": "broadcaster", "aliases": ["CBC News"], "domains": ["cbc.ca"]},
    {"name": "ITV News", "type": "broadcaster", "aliases": ["ITV News"], "domains": ["itv.com"]},
    {"name": "Channel 4 News", "type": "broadcaster", "aliases": ["Channel 4 News"], "domains": ["channel4.com"]},
    {"name": "Radio Free Europe/Radio Liberty", "type": "broadcaster", "aliases": ["Radio Free Europe", "RFE/RL"], "domains": ["rferl.org"]},
    {"name": "The Sydney Morning Herald", "type": "newspaper", "aliases": ["The Sydney Morning Herald", "Sydney Morning Herald"], "domains": ["smh.com.au"]},
    {"name": "United Press International", "type": "wire", "aliases": ["United Press International", "UPI"], "domains": ["upi.com"]},
    {"name": "France 24", "type": "broadcaster", "aliases": ["France 24"], "domains": ["france24.com"]},
    {"name": "CNBC", "type": "broadcaster", "aliases": ["CNBC"], "domains": ["cnbc.com"]},
    {"name": "MSNBC", "type": "broadcaster", "aliases": ["MSNBC"], "domains": ["msnbc.com"]},
    {"name": "Le Monde", "type": "newspaper", "aliases": ["Le Monde"], "domains": ["lemonde.fr"]},
    {"name": "The Kyiv Independent", "type": "digital", "aliases": ["The Kyiv Independent", "Kyiv Independent"], "domains": ["kyivindependent.com"]},
    {"name": "Deutsche Presse-Agentur", "type": "wire", "aliases": ["Deutsche Presse-Agentur", "dpa"], "domains": ["dpa.com"]},
]

# User-generated platforms: anyone can publish there, so a post on one is credited to the account
# that posted it, and the platform itself is never a cited outlet (Wikipedia's perennial sources
# list rates them generally unreliable for that reason, WP:UGC). RSP name -> extra aliases.
PLATFORMS = {
    "Facebook": [], "X (social network)": ["Twitter"], "YouTube": [], "Instagram": [], "Reddit": [],
    "TikTok": [], "Medium (website)": [], "WordPress.com": [], "Blogger (service)": [], "LinkedIn": [],
    "LiveJournal": [], "Quora": [], "Flickr": [], "Stack Exchange": [], "DeviantArt": [], "Change.org": [],
    "GoFundMe": [], "Kickstarter": [], "Indiegogo": [], "Scribd": [],
}

# Companies RSP rates as sources of their own pages (a retailer's listings, a broker's data):
# named by articles as businesses ("an offer from Amazon"), never as outlets.
COMPANIES = {"Amazon (company)", "Aon (company)", "Alexa Internet"}

# Platforms RSP does not list (as of the data here): known so that their names and domains are
# never taken for outlets, publishers or unknown sources. Weak aliases are ordinary words too.
EXTRA_PLATFORMS = [
    {"name": "Tumblr", "aliases": ["Tumblr"], "domains": ["tumblr.com"]},
    {"name": "Substack", "aliases": ["Substack"], "domains": ["substack.com"]},
    {"name": "Telegram", "weakAliases": ["Telegram"], "domains": ["t.me", "telegram.org", "telegram.me"]},
    {"name": "Snapchat", "aliases": ["Snapchat"], "domains": ["snapchat.com"]},
    {"name": "WhatsApp", "aliases": ["WhatsApp"], "domains": ["whatsapp.com"]},
    {"name": "Pinterest", "aliases": ["Pinterest"], "domains": ["pinterest.com"]},
    {"name": "Vimeo", "aliases": ["Vimeo"], "domains": ["vimeo.com"]},
    {"name": "Twitch", "aliases": ["Twitch"], "domains": ["twitch.tv"]},
    {"name": "Periscope", "aliases": ["Periscope"], "domains": ["periscope.tv", "pscp.tv"]},
    {"name": "Weibo", "aliases": ["Weibo", "Sina Weibo"], "domains": ["weibo.com"]},
    {"name": "VK", "aliases": ["VKontakte"], "domains": ["vk.com"]},
    {"name": "Patreon", "aliases": ["Patreon"], "domains": ["patreon.com"]},
    {"name": "SoundCloud", "aliases": ["SoundCloud"], "domains": ["soundcloud.com"]},
    {"name": "Imgur", "aliases": ["Imgur"], "domains": ["imgur.com"]},
    {"name": "BitChute", "aliases": ["BitChute"], "domains": ["bitchute.com"]},
    {"name": "Parler", "aliases": ["Parler"], "domains": ["parler.com"]},
    {"name": "Truth Social", "aliases": ["Truth Social"], "domains": ["truthsocial.com"]},
    {"name": "Bluesky", "aliases": ["Bluesky"], "domains": ["bsky.app"]},
    {"name": "Gab", "weakAliases": ["Gab"], "domains": ["gab.com"]},
    {"name": "Rumble", "weakAliases": ["Rumble"], "domains": ["rumble.com"]},
    {"name": "Threads", "weakAliases": ["Threads"], "domains": ["threads.net"]},
    {"name": "Mastodon", "weakAliases": ["Mastodon"], "domains": ["joinmastodon.org"]},
    {"name": "Vine", "weakAliases": ["Vine"], "domains": ["vine.co"]},
]

# Single words that are also ordinary English: never aliases on their own unless curated above.
COMMON_WORDS = {
    "time", "vice", "wired", "nature", "science", "variety", "people", "metro", "mail", "medium", "reason",
    "genius", "polygon", "quadrant", "fandom", "vogue", "bustle", "cosmopolitan", "entrepreneur", "amazon",
    "blogger", "x", "answers", "ted", "mirror", "express", "star", "sun", "hill", "post", "times",
    "independent", "observer", "spectator", "nation", "review", "today", "world", "news", "daily", "herald",
    "tribune", "record", "standard", "globe", "diplomat", "wire", "insider", "fortune", "federalist",
    "atlantic", "canary", "onion", "bloomberg", "jacobin", "jezebel", "discogs", "idolator",
}

# Aliases that are also ordinary phrases ("The Hill", "The Australian government", Michael
# Bloomberg): recognised only where a rule asks for an attribution context ("according to …").
WEAK_WORDS = COMMON_WORDS | {
    "age", "register", "australian", "spectator", "conversation", "skwawkbox", "grayzone", "onion",
    "american", "british", "canadian", "irish", "scotsman", "local", "citizen", "week", "month",
    # Surnames (Evan Spiegel of Snapchat): the full name ("Der Spiegel") stays an alias.
    "spiegel",
}

# Place names that outlets share ("New York"): recognised only in an attribution context.
PLACES = {
    "new york", "washington", "chicago", "boston", "london", "paris", "berlin", "moscow", "jerusalem", "gaza",
    "israel", "india", "china", "texas", "florida", "california", "los angeles", "philadelphia", "detroit",
    "dallas", "houston", "atlanta", "miami", "seattle", "denver", "toronto", "sydney", "melbourne", "dublin",
}

# Scopes that only say which country's outlet of that name is meant.
REGION_SCOPES = {"USA", "US", "UK", "United States", "United Kingdom"}

QUALIFIER = re.compile(r"\s*\((?:website|magazine|company|newspaper|TV network|news agency|service|conference|social network|British newspaper|United States|United Kingdom|India|UK|CBS News|\d{4})\)\s*$")


def clean_name(name: str) -> str:
    return QUALIFIER.sub("", name).strip()


def aliases_for(display: str) -> list:
    aliases = {display}
    if display.startswith("The ") and len(display.split()) > 2:
        aliases.add(display[4:])
    return [a for a in aliases if a[:1].isupper() or a[:1].isdigit()]


def is_weak(alias: str) -> bool:
    if alias.lower() in PLACES:
        return True
    words = alias.split()
    if words and words[0] == "The":
        words = words[1:]
    return len(words) == 1 and words[0].lower().rstrip(".") in WEAK_WORDS


def main() -> None:
    rsp = list(csv.DictReader(open(DATA / "wikipedia-perennial-sources" / "rsp_outlets_2026.csv", encoding="utf-8")))
    quality = {r["domain"]: round(float(r["pc1"]), 3) for r in csv.DictReader(open(DATA / "domain-quality-ratings" / "domain_pc1.csv", encoding="utf-8"))}
    labels = {}
    for r in csv.DictReader(open(DATA / "fakenewscorpus-websites" / "websites.csv", encoding="utf-8")):
        tags = [t for t in (r["type"], r["2nd_type"], r["3rd_type"]) if t and t.strip() and t != "unknown"]
        if tags:
            labels[r["url"].strip().lower().removeprefix("www.")] = sorted(set(t.strip() for t in tags))

    merged = {}
    for row in rsp:
        entry = merged.setdefault(row["name"], {"rows": [], "domains": []})
        qualifier = row["qualified_name"][len(row["name"]):].strip() if row["qualified_name"].startswith(row["name"]) else row["qualified_name"]
        qualifier = qualifier.strip().strip("()").strip() if qualifier else ""
        if qualifier in REGION_SCOPES:
            qualifier = ""
        entry["rows"].append({"status": STATUS[row["status_code"]], "scope": qualifier or None, "shortcut": row["shortcut"] or None, "last": int(row["rsp_last"]) if row["rsp_last"].isdigit() else None})
        for domain in row["domains"].split():
            domain = domain.lower().removeprefix("www.")
            if "/" not in domain and domain not in entry["domains"]:
                entry["domains"].append(domain)

    outlets = []
    for name, entry in merged.items():
        display, kind, extra = CURATED.get(name, (clean_name(name), None, []))
        if name in PLATFORMS:
            kind, extra = "platform", PLATFORMS[name]
        elif name in COMPANIES:
            kind = "company"
        if kind is None:
            kind = "news" if any(d in quality for d in entry["domains"]) else "other"
        every = set(extra) | set(aliases_for(display))
        aliases = sorted(a for a in every if not is_weak(a) and (len(a) >= 4 or a in extra))
        weak = sorted(a for a in every if a not in aliases)
        ratings = [{k: v for k, v in r.items() if v is not None} for r in entry["rows"]]
        outlet = {
            "name": display,
            "type": kind,
            "aliases": aliases,
            "weakAliases": weak,
            "domains": entry["domains"],
            "reliability": ratings[0]["status"],
            "ratings": ratings,
        }
        q = [quality[d] for d in entry["domains"] if d in quality]
        if q:
            outlet["quality"] = max(q)
        outlet["domains"] = entry["domains"] + [d for d in SHORT_DOMAINS.get(name, []) if d not in entry["domains"]]
        lab = sorted({t for d in entry["domains"] for t in labels.get(d, [])})
        if lab:
            outlet["labels"] = lab
        outlets.append(outlet)

    for extra in EXTRA:
        if any(o["name"] == extra["name"] for o in outlets):
            continue
        outlet = {"name": extra["name"], "type": extra["type"], "aliases": sorted(extra["aliases"]), "weakAliases": [], "domains": extra["domains"] + SHORT_DOMAINS.get(extra["name"], []), "reliability": "unrated"}
        q = [quality[d] for d in extra["domains"] if d in quality]
        if q:
            outlet["quality"] = max(q)
        outlets.append(outlet)

    for platform in EXTRA_PLATFORMS:
        if any(o["name"] == platform["name"] for o in outlets):
            continue
        outlet = {"name": platform["name"], "type": "platform", "aliases": sorted(platform.get("aliases", [])), "weakAliases": sorted(platform.get("weakAliases", [])), "domains": platform["domains"], "reliability": "unrated"}
        q = [quality[d] for d in platform["domains"] if d in quality]
        if q:
            outlet["quality"] = max(q)
        outlets.append(outlet)

    outlets.sort(key=lambda o: o["name"].lower())
    known = {d for o in outlets for d in o["domains"]}
    domains = []
    for domain in sorted(set(quality) | set(labels)):
        if domain in known:
            continue
        row = [domain, quality.get(domain)]
        if domain in labels:
            row.append(labels[domain])
        domains.append(row)

    registry = {
        "$comment": "Generated by tools/outlets/build_outlets.py from ../shared/data; edit the script, not this file.",
        "version": "1.1.0",
        "licence": "CC BY-SA 4.0 (derived from Wikipedia:Reliable sources/Perennial sources). Domain quality: Lin et al. 2023. Domain labels: FakeNewsCorpus (Apache-2.0).",
        "sources": [
            {"id": "rsp", "title": "Wikipedia:Reliable sources/Perennial sources", "url": "https://en.wikipedia.org/wiki/Wikipedia:Reliable_sources/Perennial_sources", "licence": "CC BY-SA 4.0", "attribution": "Wikipedia contributors"},
            {"id": "lin2023", "title": "Lin et al. (2023), High level of correspondence across different news domain quality rating sets, PNAS Nexus 2(9) pgad286", "url": "https://github.com/hauselin/domain-quality-ratings", "licence": "reuse permitted by the authors' README; cite the paper"},
            {"id": "opensources", "title": "FakeNewsCorpus websites.csv (OpenSources labels)", "url": "https://github.com/several27/FakeNewsCorpus", "licence": "Apache-2.0"},
        ],
        "outlets": outlets,
        "domains": domains,
    }
    json.dump(registry, sys.stdout, ensure_ascii=False, indent=None, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
