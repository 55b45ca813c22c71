"""Write the simulated social apps' seed content (creators, shoppers, posts) from a fixed seed.

Run: `python scripts/make_social_content.py [--seed 11]`. Posts refer to demo-catalogue
products; some are sponsored, some tag out-of-stock products or unvetted sellers, and a few
tag no product at all.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "assistant" / "data" / "demo" / "products.jsonl"
OUT = ROOT / "assistant" / "data" / "social" / "content.json"

CREATORS = [
    ("trailtess", "Tess on Trails", "creator", 0.08),
    ("kitchenkai", "Kai Cooks", "creator", 0.06),
    ("runwithrae", "Rae Runs", "creator", 0.10),
    ("glowbyjune", "June Glow", "creator", 0.12),
    ("gadgetgus", "Gus Gadgets", "creator", 0.07),
    ("cosycasa", "Cosy Casa", "creator", 0.05),
    ("fitfelix", "Felix Fit", "creator", 0.09),
    ("brewbella", "Bella Brews", "creator", 0.06),
    ("packlightpat", "Pat Packs Light", "creator", 0.08),
    ("toybox_tom", "Tom's Toybox", "creator", 0.07),
    ("sonara_official", "Sonara", "brand", 0.0),
    ("stridex", "Stridex", "brand", 0.0),
    ("dewleaf", "Dewleaf Skin", "brand", 0.0),
    ("voyagr", "Voyagr Travel", "brand", 0.0),
]
SHOPPERS = [
    "ana_b",
    "ben_k",
    "chloe_r",
    "dev_m",
    "eli_s",
    "fay_t",
    "gio_p",
    "hana_w",
    "ivan_d",
    "jules_o",
]
INTERESTS = {
    "trailtess": ["Outdoor & Camping", "Running Shoes"],
    "kitchenkai": ["Kitchen"],
    "runwithrae": ["Running Shoes", "Fitness", "Apparel"],
    "glowbyjune": ["Skincare"],
    "gadgetgus": ["Headphones & Audio", "Phone Accessories"],
    "cosycasa": ["Home & Bedding"],
    "fitfelix": ["Fitness", "Apparel"],
    "brewbella": ["Coffee & Tea", "Kitchen"],
    "packlightpat": ["Bags & Luggage", "Outdoor & Camping"],
    "toybox_tom": ["Toys & Games"],
    "sonara_official": ["Headphones & Audio"],
    "stridex": ["Running Shoes"],
    "dewleaf": ["Skincare"],
    "voyagr": ["Bags & Luggage"],
}
LINES = {
    "microblog": [
        "Obsessed with the {title}. Link below 👇",
        "Restocked and ready: {title}.",
        "Hot take: {title} is worth every cent.",
        "My go-to this season: {title}.",
        "Giveaway energy! Who wants the {title}?",
    ],
    "photo": [
        "Weekend set-up featuring {title}.",
        "Flat lay of my favourites this month.",
        "Tested for 30 days: {title}.",
        "Morning routine, tagged everything.",
    ],
    "video": [
        "60-second review: {title}",
        "Unboxing the {title} live!",
        "Does the {title} survive my stress test?",
        "3 reasons I switched to {title}",
    ],
    "messenger": [
        "This week's pick: {title}. Tap Buy to order in the chat.",
        "Back in stock: {title}.",
    ],
}
COUNTS = {"microblog": 20, "photo": 18, "video": 16, "messenger": 8}
NO_PRODUCT = [
    "Happy Friday everyone! What are you up to this weekend?",
    "Thanks for 10k followers 🎉",
    "Poll: coffee or tea in the morning?",
]


def main() -> None:
    """Generate and write the seed content."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    products = [json.loads(line) for line in CATALOGUE.open(encoding="utf-8")]
    by_category: dict[str, list[dict]] = {}
    for product in products:
        by_category.setdefault(product["category"], []).append(product)
    posts = []
    for app, count in COUNTS.items():
        authors = [c for c in CREATORS if app != "messenger" or c[2] == "brand"]
        for number in range(1, count + 1):
            handle, _, kind, _ = rng.choice(authors)
            if app == "microblog" and number <= len(NO_PRODUCT):
                posts.append(
                    {
                        "id": f"{app[:2]}-{number:03d}",
                        "app": app,
                        "author": handle,
                        "text": NO_PRODUCT[number - 1],
                        "products": [],
                        "sponsored": False,
                    }
                )
                continue
            pool = [p for category in INTERESTS[handle] for p in by_category[category]]
            tagged = rng.sample(pool, 3 if app == "photo" else 2 if app == "video" else 1)
            if number % 7 == 0:  # some posts show sold-out or unvetted products
                tagged[0] = rng.choice(
                    [
                        p
                        for p in pool
                        if not any(v["stock"] for v in p["variants"])
                        or p["seller"]["vetting"] != "vetted"
                    ]
                    or pool
                )
            text = rng.choice(LINES[app]).format(title=tagged[0]["title"])
            sponsored = kind == "brand" or rng.random() < 0.12
            posts.append(
                {
                    "id": f"{app[:2]}-{number:03d}",
                    "app": app,
                    "author": handle,
                    "text": text,
                    "products": [p["id"] for p in tagged],
                    "sponsored": sponsored,
                    "reactions": int(rng.expovariate(1 / 120)) if app in {"photo", "video"} else 0,
                }
            )
    content = {
        "creators": [
            {"handle": h, "name": n, "kind": k, "commission_rate": r} for h, n, k, r in CREATORS
        ],
        "shoppers": SHOPPERS,
        "posts": posts,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(content, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(posts)} posts by {len({p['author'] for p in posts})} authors to {args.out}")


if __name__ == "__main__":
    main()
