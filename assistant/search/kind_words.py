"""The word lists that tell a kind of product from the words around it: filler, the words a
kind is named before, everyday qualities, British synonyms and form words («powder», «set»)."""

from __future__ import annotations

FORM_WORDS = {"set", "pack", "powder", "kit", "bundle", "spf", "cover", "blend"}
# Common British words for kinds American titles name otherwise.
SYNONYMS = {
    "trainer": "sneaker",
    "jumper": "sweater",
    "hoody": "hoodie",
    "trouser": "pant",
    "tee": "t-shirt",
    "tshirt": "t-shirt",
    "teddy": "bear",  # «which teddy has the best reviews?»
    "decaf": "coffee",  # «also need decaf, ground, 500g»: a coffee, as everyone says it
}
# kinds a shop may title as another («a cast iron pan»: a Cast Iron Skillet is one)
SORTS_OF = {
    "pan": frozenset({"skillet", "wok"}),
    "skillet": frozenset({"pan"}),
    "frying": frozenset({"skillet"}),
}
FILLER = set(
    "inch inches try trying "  # «a 55 inch TV», «I want to try hot yoga»
    "a an the some any do does you your sell sells selling have has got stock carry carries "
    "need want looking find show me i im i'm something anything stuff things thing kind "
    "product products item items dollar dollars buck bucks usd "
    "kinds type types of and or please pls new good best nice cheap cheaper more buy get what "
    "whats which is are there sale available size sizes colour color colours colors ya u "
    "kinda sort ok okay alright then also just hmm hm well so maybe perhaps hey hi hiya "
    "few couple dozen half pair pairs each mates rest "  # «need a dozen grey ones»: no «dozen»
    "medium med xs xxs xl xxl kg ml mm cm oz lb lbs "  # sizes and units: versions, not kinds
    "gram grams gramme grammes kilo kilos kilogram kilograms litre litres liter liters "
    "millilitre millilitres milliliter milliliters ounce ounces "
    "suitable decent proper little cheapest priciest dearest lowest "
    "thanks cheers yes yeah yep no nah price prices cost guys yall y'all lot folks mate "
    "pls plz can could it its it's them they those these this that one ones actually really still "
    "instead then fair right sure review reviews reviewed rated rating ratings star stars "
    "quality well-reviewed should recommend suggest suggestions recommendation "
    "recommendations reckon would i'd you'd come comes coming go goes work works fit fits "
    "look looks tell say says know think like love wanna gonna did doing be been being was "
    "were will mine my me we our us he she his her him lol haha omg tho though compare all ur "
    "every nvm nevermind ngl tbh idk imo btw rn thx ty tysm similar another other others "
    "alternative alternatives same different reviewer reviewers left remaining you've youve "
    "we've i've i'll add throw grab toss chuck too take taking purchase edition version "
    "first last sorted sort order ordered highest least most "  # «cheapest first»
    "option options choice choices idea ideas picks".split()  # «show me 3 options for …»
)
# Everyday words for what a shopper wants of a thing, which a shop's own texts may not use:
# never a make we lack.
PLAIN_QUALITIES = set(
    "comfy cosy cozy cute pretty fancy decent solid sturdy durable lightweight light heavy "
    "small big large tiny huge warm cool quiet loud fast slow soft hard premium budget "
    "affordable expensive luxury basic simple portable compact gaming proper real decent "
    "reliable strong thin thick long short wide mini girly manly unisex mens womens ladies "
    "boys girls adult adults grown".split()
)

# A kind is named before these ("yoga mat for beginners", "speaker with good bass").
BOUNDARIES = set(
    "for with that which to in under below over above from by at on near without than "
    "around about like thats thatll who whose where when between less cheaper max upto rated "
    "rating as but though because cause cos w also he she they "  # «… he can…»
    "off out back "  # «take the card game off», «put the mat back»
    "if unless "  # «black if u have it», «ethiopian if poss»: a wish, no kind
    "meant designed suitable made aimed intended".split()  # «any teddy meant for younger kids»
)
