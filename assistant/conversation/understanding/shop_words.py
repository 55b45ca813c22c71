"""Words that ask the shop rather than a product: its policies, its services, the shopper's
own orders. The planner reads requests against these whatever the classifier said."""

from __future__ import annotations

import re

from assistant.catalogue.models import Product

# Questions about a product's own terms (its delivery time, its return window) ...
ABOUT_ITS_TERMS = re.compile(
    # («how long are they?» of curtains: a measure, not a wait)
    r"\b(deliver\w*|arrive|get here|turns? up|ship\w*|return\w*|refund\w*|"
    r"how long(?!\s+(?:is|are)\s+(?:it|they|these|those|this|that|them|each)\s*(?:[?.!,]|$))|"
    r"send (it )?back|how (fast|quick\w*|soon)\b(?=.{0,30}\b(come|arrive|get here|be here)\b))\b",
    re.I,
)
# ... unless they ask about the shop as a whole.
SHOP_WIDE = re.compile(
    r"\b(your|policy|policies|the shop|in general|usually|normally|always|any order|orders|"
    r"summary|expir\w*)\b",
    re.I,
)

# «did i just buy it?», «is it ordered?», «what's the status», «i ordered a blender last
# week», «so I wasn't charged?»: the shopper's own orders, whatever else the words suggest.
OWN_ORDER_STATE = re.compile(
    r"\bdid (i|we) (just |actually |already |really )?(buy|order|purchase|pay for|check ?out)\b"
    r"|\b(is|has|was|have) (it|that|this|my order|the order|they|everything)( been| all| now)? "
    r"(ordered|placed|gone through|go through|confirmed|dispatched|processed|through)\b"
    r"|^\W*(so |and |ok |okay )?(what'?s|whats|what is) (the |my )?(order )?status\b"
    r"|^\W*(so |and |ok |okay |hmm+ )?(where'?s|wheres|where is) (my|the) "
    r"(order|parcel|package)\W*$"
    r"|\border'?s? (still )?(going through|gone through|placed|confirmed|processing)\b"
    r"|\bi (ordered|bought|purchased) .{0,40}\b(last|yesterday|ago|earlier|the other day)\b"
    r"|\b(was|were|am|will|did) (i|we) (be |get )?(charged|billed)\b"
    # «can u remind me what i just ordered», «what did i order again»
    r"|\b(remind me|tell me|show me) what (i|we) (just |already )?(ordered|bought|purchased)\b"
    r"|\bwhat (did|have) (i|we) (just |already )?(order|ordered|buy|bought)\b"
    # «so nothing got ordered right?», «nothing was placed?»
    r"|\b(nothing|anything) (got|was|has been|been|is) (ordered|placed|bought|purchased)\b"
    r"|\b(i|we) (wasn'?t|wasnt|was not|weren'?t) (charged|billed)\b"
    # «what about my own orders then», «can you check my orders»
    r"|(?:^|[.!?]\s*)\W*(?:(?:ok|okay|so|and|then|please|pls|hey)\W+)*(?:(?:can|could|would) "
    r"(?:you|u) (?:please )?)?(what about|how about|check|see|show( me)?|look at|look up|pull up|"
    r"list) (on )?my (own )?(orders|order history|purchases)\b"
    r"(?!.{0,30}\b(change|changed|add|split|combine)\b)",
    re.I,
)

# «can they go on the same order?», «add it to my last order»: orders are not changed
ORDER_CHANGE_ASKED = re.compile(
    r"\b(?:go|goes|be|put|ship|come) (?:on|in|with) (?:the )?same order\b|\bcombine (?:my |the |"
    r"two |both )?orders\b|\badd (?:it|them|this|these|that|another (?:thing|item|one)|something"
    r"(?: else)?|more|an item) to (?:my|the|that|this) (?:same |last |previous |other |existing |"
    r"first |placed )?order\b",
    re.I,
)
# Shop-policy topics: a request about one of these that sounded like no request asks the shop.
POLICY_TOPICS = re.compile(
    r"\b(unlink\w*|disconnect\w*|link(ed|ing)? my|my (data|details|account)|stored? (on|about) me|"
    r"privacy|delete my|next[- ]day|express|expedited|same[- ]day|refund\w*|exchange|"
    r"counterfeit|fake reviews?|authentic\w*|payment|pay with|klarna|paypal|gift wrap\w*|"
    # «delete what u have on my handle», «can another ai assistant buy stuff for me»
    r"(?:see|delete|remove) (?:what|everything) (?:u|you) (?:have|keep|hold|store)|"
    r"(?:another|other) (?:ai )?(?:assistants?|agents?|bots?)|"
    # «what data do u have on me», «what do you know about me»: what the shop stores
    r"what (?:data|info\w*|details|personal \w+) (?:do|does) (?:you|u|ya|the shop) (?:have|hold|"
    r"keep|store|collect)|(?:have|hold|keep|know|collect)\w* (?:on|about) me(?! (?:a|the) \w+)|"
    r"when (?:exactly )?(?:is|does|will|would) (?:my|an|the) order (?:actually )?"
    r"(?:get |be )?placed)\b",
    re.I,
)

# How the shop treats reviews, not what one product's reviews say: «do u guys delete bad
# reviews?»
REVIEW_RULES = re.compile(
    r"\b(delete|remove|hide|censor|filter|edit)\w*\b.{0,15}\b(bad|negative|1[- ]star|one[- ]star|"
    r"poor|critical)\s+reviews\b"
    # «your reviews are all bots and you delete the bad ones»: the shop's reviews at large
    r"|\byour reviews\b.{0,40}\b(?:bots?|fake|paid|bought|real|genuine|honest)\b"
    r"|\breviews?\b.{0,60}\b(?:delete|remove|hide|censor)\w*\s+(?:the\s+)?(?:bad|negative|"
    r"1[- ]star|one[- ]star)\s+ones\b"
    # «and if it turns out fake?»: the authenticity rule, whatever act it was heard as
    r"|\bif (?:it|they|this|that|the \w+) (?:turns? out|turned out|is|are|was|were|arrives?)"
    r" (?:to be )?(?:fake|counterfeit|a knock[- ]?off|knock[- ]?offs?|not genuine)\b"
    # «the earbuds i got my son look fake, what do i do»: one bought that seems counterfeit
    r"|\b(?:got|bought|received|ordered)\b.{0,60}\b(?:looks?|seems?|is|are|might be)\s+"
    r"(?:fake|counterfeit|a knock[- ]?off|knock[- ]?offs?|not genuine)\b",
    re.I,
)
# Services only the shop's rules answer, whatever else the words sound like: «can u gift
# wrap it», «put a little note in», «pay extra for next day», «hold it for me until friday».
SHOP_SERVICE = re.compile(
    r"\bgift[- ]?wrap\w*|\bwrap (?:it|them|this|that|one|both)\b(?! (?:around|round))"
    r"|\b(put|add|include|write|slip|pop|tuck) (in )?(a |an )?(little |short )?"
    r"(gift )?(note|card|message|msg)\b(?! (game|holder|case))|\b(next|same)[- ]day\b|"
    r"\bexpress (delivery|shipping)\b|\bexpedited\b|\b(hold|reserve|keep|save)\b.{0,60}"
    # «how long does a checkout keep it»: the summary's hold; «someone asked me for the code»
    r"\b(for me|until|till|aside)\b|\b(checkout|check-out|summary)\b.{0,15}\b(keeps?|holds?|"
    r"reserves?)\b|\basked (?:me )?for (?:the|my|a|your) (?:code|password|pin|card|bank)\b|"
    r"\bput (it|them|one|a pair|a couple|some) (aside|on hold)\b|\bpre-?order\b"
    # «can i preorder it or reserve one?», «could you reserve one for me»
    r"|\b(reserve|hold) (it|them|one|a pair|some)\b"
    # «the shorts I got are too small, can you swap them?»: after a purchase, an exchange
    r"|\b(bought|got|ordered|received)\b.{0,60}\b(swap|exchange)\b"
    # «can u just swap them for a 12 when they come»: an exchange after delivery
    r"|\b(swap|exchange)\b.{0,40}\b(?:when|once|after) (?:they|it|the \w+) (?:come|comes|arrive"
    r"|arrives|get here|gets here|turn up|turns up|are delivered|is delivered)\b"
    r"|\b(swap|exchange)\b.{0,40}\b(bigger|smaller|larger|different|another) size\b"
    # «give me 30% off and I'll buy it», «any promo codes?»: prices are not haggled
    r"|\bdiscount\w*|\b(coupon|promo|discount)s?( codes?)?\b|\b\d{1,2} ?(%|percent) off\b"
    # «i got a code BREW20 from bella's post, can u apply it»: a code to apply
    r"|\b(?:a|the|this|my|her|his|their) code\b.{0,60}\b(?:apply|use|redeem|work|valid)\b"
    r"|\b(?:apply|use|redeem)\s+(?:a|the|this|my|her|his|their)?\s*code\b"
    r"|\bcode\s+[A-Z]{3,}\d{1,3}\b"
    r"|\bprice[- ]match\w*|\bhaggl\w*|\b(knock|take) (some(thing)?|a bit|a few \w+) off\b"
    # «do u have points or a loyalty card», «can u match that» (a price said elsewhere)
    r"|\bloyalty\b|\b(?:reward|bonus|loyalty) (?:points?|scheme|program\w*|card)\b"
    r"|\b(?:a|your|ur) membership\b"
    r"|\b(?:have|do|get|earn|collect) (?:u |you )?(?:have )?points\b"
    r"|\b(?:can|could|will|would) (?:u|you) match (?:that|it|this|the price|their price)\b"
    r"|\b(better|lower|best) price\b.{0,20}\b(you can do|for me|if i)\b|\bdo me a deal\b"
    # «can i pay w paypal for the X?»: how the shop takes payment, not the X
    r"|\bpay (?:with|w|by|via|using|in) (?:paypal|klarna|cash|card|credit|debit|apple|google|"
    r"crypto|bitcoin|instal\w*)|\b(?:paypal|klarna|afterpay|cash on delivery)\b"
    # «how do i know stuff here isnt fake»
    # «what's the most I can order of one thing?», «how many can I buy?»: the quantity limit
    r"|\b(?:most|max(?:imum)?|limit)\b.{0,30}\b(?:(?:can|could)\s+(?:i|we|you)|(?:i|we|you)\s+"
    r"(?:can|could))\s+(?:order|buy)\b"
    r"|\bhow many\b.{0,20}\b(?:can|could) (?:i|we) (?:order|buy)\b"
    # «what's the max?» after «at most 10 of one item per order»
    r"|^\W*(?:(?:so|ok|okay|and)\W+)?(?:what'?s|whats|what is) (?:the |your )?"
    r"(?:max(?:imum)?|limit)\W*$"
    # «can i call someone?», «can i talk to a real person», «whats your phone number»
    r"|\b(?:call|ring|phone|email|e-mail|speak (?:to|with)|talk (?:to|with)|chat (?:to|with))"
    r" (?:someone|somebody|anyone|a (?:real )?(?:person|human|agent|rep)|an? (?:agent|operator)|"
    r"(?:customer )?(?:service|support)|a manager)\b|\b(?:phone|telephone) (?:number|line)\b"
    # «can the knife go to my dad's place and the pan to mine?»: one address an order
    r"|\b(?:go|goes|send|sent|ship|shipped|deliver|delivered)\b.{0,30}\bto (?:my|his|her|their)"
    r" (?:\w+'?s )?(?:place|house|home|address|flat|apartment)\b.{0,40}\b(?:and|but) (?:the|one|"
    r"the other)\b.{0,30}\b(?:to|at) (?:mine|me|my (?:place|house|home|address))\b"
    # «how many of those can i get in one order»
    r"|\bhow many\b.{0,40}\b(?:can|could) (?:i|we) \w+\b.{0,20}\b(?:in|per) "
    r"(?:one|an|a single|each|1|the same) order\b"
    # «can my own ai assistant order stuff from here for me?», «can chatgpt buy stuff here for
    # me»: other agents shopping for the shopper
    r"|\b(?:my own|my|another|other|an?|your) (?:ai|a\.i\.|bot|agent|assistant|chatbot|ai "
    r"(?:assistant|agent))\b.{0,40}\b(?:order|buy|shop|purchase|check ?out)\w*\b.{0,30}"
    r"(?:\bfor (?:me|us)\b|\bon my behalf\b|\bfrom (?:here|you|this shop)\b|\bhere\b)"
    r"|\b(?:chatgpt|claude|gemini|copilot|alexa|siri)\b.{0,40}\b(?:order|buy|shop|purchase)\w*"
    r"\b.{0,30}(?:\bfor (?:me|us)\b|\bon my behalf\b|\bfrom (?:here|you)\b|\bhere\b)"
    # «forget me», «please delete my data», «i dont want it stored»: what the shop keeps about
    # the shopper, and how to have it removed (not «remove the data cable»)
    r"|\b(?:forget|delete|erase|wipe) me\b|\b(?:forget|delete|erase|wipe|remove) (?:all )?(?:of )?"
    r"my (?:personal )?(?:data|info(?:rmation)?|details|account|history)\b"
    r"|\b(?:don'?t|do not|dont) want (?:it|that|this|them|any of (?:it|that)|my \w+) "
    r"(?:stored|saved|on file)\b"
    r"|\b(stuff|things|products|items|everything)( (here|on here|you sell))?\b.{0,20}"
    r"\b(fake|counterfeit|knock[- ]?offs?|genuine|authentic)\b"
    r"|\b(half|part|some)\b.{0,30}\b(to|at) (her|his|their|my|another|a different)\b.{0,15}"
    r"\baddress\b|\b(two|2|different|separate|several) addresses\b"
    # «can the teddy go to my mums and the puzzle come here», «one to my dad's, one to me»
    r"|\b(?:go|goes|sent|ship(?:ped)?|deliver(?:ed)?|one) to (?:my|her|his|their|our) [\w']+\b"
    r".{0,40}\b(?:come here|(?:come|go|ship|sent|one|other) to (?:me|mine|here|us|my (?:place|"
    r"house|home|flat|address)))\b"
    # «can half go to his place and half to mine»
    r"|\bhalf\b.{0,30}\b(to|at) (her|his|their|my|our)\b.{0,20}\bhalf\b"
    # «send me a free suitcase and I'll post about it»: nothing is given away
    r"|\bsend (?:me|us) (?:a |an |one |some )?free\b|\bfree (?:samples?|products?|stuff)\b"
    r"|\b(?:get|have) (?:it|one|them|this) for free\b"
    # «do you have a physical store?», «do you ship to canada?»: the shop itself
    # «shop in london I can pop into?», «click and collect?»: the shop is online only
    r"|\b(?:a|any|your|ur) (?:shops?|stores?) (?:in|near)\b|\bpop (?:in|into|by|round)\b"
    r"|\bclick[- ](?:and|&|n)[- ]collect\b|\bin[- ]store (?:pick[- ]?up|collection)\b"
    # «do you have a store i can go to», «can i pick up the X in store today»
    r"|\b(?:stores?|shops?) (?:i|we) (?:can|could) (?:go|visit|walk|get)\b"
    r"|\bpick(?:ed)?[- ]?(?:it |them |\w+ )?up\b.{0,40}\bin (?:store|person|(?:the |your )?shop)\b"
    r"|\b(?:physical|real|actual|bricks?[- ]and[- ]mortar) (?:store|shop)\b|\bvisit (?:your|the) "
    r"(?:store|shop)\b|\bopening (?:hours|times)\b|\b(?:tele)?phone number\b|\bcontact (?:you|u|"
    r"the shop|customer (?:service|support|care))\b|\bship\w* (?:internationally|abroad|overseas|"
    r"worldwide|outside (?:the )?(?:us|usa|states))\b|\binternational (?:shipping|delivery)\b"
    r"|\bwhich countries\b|\b(?:deliver|ship)\w* to (?:canada|the uk|uk|europe|australia|mexico|"
    r"germany|france|ireland|india|other countries)\b"
    # «can they go on the same order?», «add it to my last order»: orders are not changed
    rf"|{ORDER_CHANGE_ASKED.pattern}"
    # «please explain me how an order goes», «what happens after I pay?»: the order's steps
    r"|\bhow (?:does |do )?(?:an |the |my )?order(?:ing)? (?:goes|go|works?|process)\b"
    r"|\bsteps? (?:of|for|to|in) (?:an |the |my )?order|\bwhat happens (?:after|when|once) "
    r"(?:i|we) (?:order|pay|confirm)\b"
    # «so its safe in my cart?», «does the cart hold them?»: the cart keeps no stock
    r"|\b(safe|held|reserved|secure)\b.{0,12}\bin (my|the) (cart|basket|bag)\b.*\?"
    r"|\b(cart|basket)\b.{0,20}\b(hold|reserve|keep)s?\b.{0,20}\b(stock|it|them|items?)\b.*\?"
    # «how long will the summary hold the items?»
    r"|\b(summary|checkout)\b.{0,30}\b(holds?|lasts?|expir\w*|valid)\b|\bhow long\b.{0,40}\bhold\b"
    # «how long have i got to say yes», «how long do I have to confirm?»
    r"|\bhow long\b.{0,30}\b(?:have i got|do i have|have i|do i get)\b.{0,12}\b(?:say yes|confirm"
    r"\w*|decide|pay|check ?out|accept)\b"
    # «how many of the same thing can I order?», «can you split the order between two homes?»
    r"|\bhow many\b.{0,30}\b(same (thing|item|product)|at once|max(imum)?|limit)\b"
    r"|\b(max(imum)?|limit)\b.{0,30}\b(per order|i can (order|buy))\b"
    r"|\bsplit (the|my|an|this) order\b|\bsend (it|them|one|each) to (two|2|different)\b"
    # «can you tell me what my wife ordered?»: someone else's orders
    r"|\bwhat (my|her|his|their) \w+(?: \w+)? (ordered|bought|purchased)\b"
    r"|\b(someone|somebody|another person)(?: else)?'?s? (orders?|purchases|cart)\b"
    # «can i pay the X in installments?»: how the shop takes payment
    r"|\b(instal(l)?ments?|pay later|payment plan|buy now,? pay later|klarna|afterpay)\b",
    re.I,
)

# An order, not the cart, asked to change: orders cannot be changed, the rule says why
ORDER_EDIT = re.compile(
    r"\b(?:change|edit|modify|update|amend|switch)\b.{0,40}"
    r"\b(?:(?:my|the|that|this|placed) order|address (?:on|for|of) (?:it|that|this|my|the)\b)"
    # «can u add a teddy to that order»: a placed order takes nothing more
    r"|\b(?:add|put|include|throw|stick)\b.{0,40}\b(?:to|in|into|onto|on)\s+(?:my|the|that|this)\s+"
    r"(?:last |placed |same )?order\b"
    # «cancel just the white ones», «take the mug off my order»: an order goes whole or not at all
    r"|\bcancel\w*\b.{0,30}\b(?:just|only)\s+(?:the|one|two|\d+|some|a|an)\b"
    r"|\bcancel\w*\s+(?:one|some|part|half|\d+)\s+of\b"
    r"|\b(?:remove|take|drop)\b.{0,30}\b(?:from|off|out of)\s+(?:my|the|that|this)\s+"
    r"(?:last |placed )?order\b"
    # «can u send that order to my mums address instead»: a placed order keeps its address
    r"|\b(?:send|ship|deliver|redirect|reroute)\b.{0,30}\bto\s+(?:my\s+\w+|his|her|their|a\s+"
    r"(?:different|new|other)|another|the\s+(?:other|new))\s+(?:\w+\s+)?address\b",
    re.I,
)
# A cancel or a return asked about, not asked for: the rule, and nothing cancelled
IF_I_WANTED = re.compile(
    r"\bif (?:i|we)\b"
    r"|\bif (?:it|its|it's|they|theyre|they're|the)\b.*\?"  # «if its too big once it arrives…?»
    r"|\bif (?:one|any|either|she|he|someone|my|our)\b.*\?"  # «if one of them doesn't like it…?»
    r"|\bstill (?:be able to )?(?:cancel|return|send)\b"
    r"|\b(?:later|tomorrow|next week|in a few days|after it (?:ships|arrives))\b.*\?"
    r"|\b(?:once|when|after) (?:it|they) (?:arrives?|comes?|gets? here|ships?)\b.*\?"
    r"|\bhow (?:long|late)\b|\b(?:until|till) when\b|\bis it (?:possible|too late) to\b"
    r"|\bcan (?:orders|an order|you) (?:still )?be\b"
    # «can my friend return it if she doesnt like matcha», «if its too big … can i swap it»
    r"|^[^?]{0,40}?\b(?:can|could|will|would)\b.*"
    r"\bif (?:it|its|it's|they|she|he|one|someone|my|our)\b"
    r"|\bif (?:it|its|it's|they|she|he)\b.{0,60}\b(?:can|could) (?:i|we|she|he|they)\b",
    re.I,
)
# «its for my bro in canada can u ship it there»: the shop delivers in the United States only
# places outside the United States a shopper may name: countries, and big cities said alone
_ELSEWHERE = (
    r"canada|mexico|the uk|uk|england|scotland|wales|ireland|europe|australia|new zealand|"
    r"germany|france|spain|italy|netherlands|india|japan|china|brazil|south africa|"
    r"another country|toronto|vancouver|montreal|ottawa|calgary|london|paris|berlin|madrid|"
    r"rome|dublin|amsterdam|sydney|melbourne|auckland|tokyo|mumbai|delhi|mexico city"
)
_NO_STREET = r"(?!\s+(?:road|rd|street|st|avenue|ave|drive|lane|way)\b)"  # «london road»
ABROAD = re.compile(
    rf"\b(?:ship|deliver|send|post)\w*\b.{{0,40}}\b(?:abroad|overseas|internationally|"
    rf"(?:to|in) (?:{_ELSEWHERE}))\b{_NO_STREET}"
    rf"|\b(?:in|to) (?:{_ELSEWHERE})\b{_NO_STREET}.{{0,40}}\b(?:ship|deliver|send)",
    re.I,
)

# The shop's money, not a product fact: «and the shipping money come back also?», «do I get
# the postage back when I return them», «how much more do I need to spend to get free
# shipping?», «is delivery free on that»
SHOP_MONEY = re.compile(
    r"\b(money|postage|shipping|delivery (cost|fee|charge))\b.{0,30}\b(back|refund\w*)\b"
    r"|\b(refund\w*|pay|paid|charge\w*)\b.{0,20}\b(shipping|postage|delivery)\b"
    r"|\bspend\b.{0,30}\bfree\b"
    r"|\b(delivery|shipping|postage)( is| be)? free\b|\bfree (delivery|shipping|postage)\b"
    # «how much is delivery on that?»: what shipping costs
    r"|\bhow much (is|are|does|do|for|would|will)?\s*(the\s+)?(delivery|shipping|postage)\b"
    r"|\b(delivery|shipping|postage) (extra|included|on top|cost)\b"  # «is shipping extra on that?»
    r"|\bextra for (delivery|shipping|postage)\b",
    re.I,
)

# «i have like 45 in my cart, how much more for free shipping?»: an amount said
AMOUNT_HELD = re.compile(
    r"\b(?:have|got|at|spent|spend|spending)\s+(?:like\s+|about\s+|around\s+|roughly\s+)?"
    r"[$£€]?(\d{1,4}(?:\.\d{1,2})?)\b(?!\s*(?:%|items?|things?|days?|units?|of\b))",
    re.I,
)
# «how do i undo it later», «can i change that?»: more about the rule just quoted
ABOUT_THE_RULE = re.compile(
    r"^\W*(?:how|can|could|do|does|is|will|would|what|when)\b.{0,40}\b(?:it|that|this)\b"
    r"(?!\s+(?:one|ones|product|item)\b)",
    re.I,
)
# «and the shipping money come back also?»: a follow-up, read with the question before it
_AND_THEN = re.compile(r"^\W*(and|also|what about|how about|so|ok|okay)\b", re.I)


def same_topic(follow_up: str, before: str) -> bool:
    """Whether a policy question follows the one before it on its topic («and my handle?»,
    «how do i undo it later»), not one naming a shop topic it did not («how many days do I
    have to return it?», then «and the shipping money come back also?»)."""
    if not (_AND_THEN.search(follow_up) or ABOUT_THE_RULE.search(follow_up)):
        return False
    topics = (POLICY_TOPICS, SHOP_MONEY, _RETURNS, _DELIVERY, _SPLIT)
    follow_up = _ORDER_STATE.sub(" ", follow_up)  # «and if it already shipped?»: not shipping
    new = any(p.search(follow_up) and not p.search(before) for p in topics)
    return not new


# «can half my order go to my cousin and half to me»: one order, one address
_SPLIT = re.compile(
    r"\b(?:half|part|some) (?:of )?(?:my |the )?order\b|\bsplit\b"
    r"|\b(?:two|different|another|second|separate) (?:addresses|address)\b",
    re.I,
)
# «how much is shipping and can i return stuff if it doesnt fit?»: two topics, two questions
_RETURNS = re.compile(r"\b(return\w*|send (it|them|stuff|things) back)\b", re.I)
# «if it already shipped», «once it has been delivered»: where an order is, not a topic
_ORDER_STATE = re.compile(
    r"\b(?:already|has|have|had|was|were|is|are)\s+(?:been\s+|already\s+)?"
    r"(?:shipped|dispatched|sent(?: out)?|delivered|arrived|on its way)\b",
    re.I,
)
_DELIVERY = re.compile(r"\b(deliver\w*|ship\w*|postage|arriv\w*)\b", re.I)


# «is there a cheaper one?», «any cheaper ultralight tent in stock?»: cheaper than this one
CHEAPER_THAN_IT = re.compile(
    r"\b(cheaper|less expensive|lower[- ]priced|more affordable|budget)\b"
    r"(?! (?:of|than) (?:the|those|these|them|both)\b)",
    re.I,
)
# «whats a better rated vit c serum»: rated higher than this one
BETTER_RATED_THAN_IT = re.compile(
    r"\b(?:better|higher)[- ](?:rated|reviewed)\b|\bbetter reviews\b"
    r"(?! (?:of|than) (?:the|those|these|them|both)\b)",
    re.I,
)
# cheaper or better rated than the product in focus
THAN_IT = re.compile(f"{CHEAPER_THAN_IT.pattern}|{BETTER_RATED_THAN_IT.pattern}", re.I)
NEVER = re.compile(r"(?!)")
SUMMARY = {  # «show me the checkout summary»; not «a summary of what I bought last time»
    "view_cart": re.compile(r"\bsummary\b", re.I),
    "order_status": re.compile(
        r"\bcheck ?out summary\b|\bsummary of (?:my|the) (?:cart|basket)", re.I
    ),
}
# «how many can play?» about the product in view; «how many do you sell?» about the shop
OF_THE_SHOP = re.compile(r"\b(?:you|your|u|ur|ya|shop|store|brands?|sellers?)\b", re.I)


# «cheapest of those», «and which is cheaper» beside two: among the shown, not than the focus
OF_THESE = re.compile(
    r"\b(of|from|among) (these|those|them|the \w+ (you )?(showed|listed))\b", re.I
)
_WHICH_OF_FEW = re.compile(r"^\W*(?:and |so |ok )?which (?:one |of the two )?(?:is|'s)\b", re.I)


# «which one is cheaper», «which has the higher rating»: a comparison asks between those in
# view, not of all the kind («which is the cheapest?» may ask of all)
WHICH_COMPARED = re.compile(
    r"\bwhich\b(?:(?!\b(?:cheapest|best|most|highest|lowest|priciest)\b)[^.?!])*?"
    r"\b(?:cheaper|pricier|dearer|more expensive|less expensive|higher|better|lower|longer"
    r"|shorter|lighter|heavier|bigger|smaller|quicker|faster|sooner)\b",
    re.I,
)


def among_shown(text: str, shown: list[Product], focus: Product) -> bool:
    """Whether a «cheaper» question asks among the products shown rather than than the
    focus («which is cheaper» beside the two just compared)."""
    few = len(shown) <= 3 and focus in shown
    return bool(OF_THESE.search(text) or (few and _WHICH_OF_FEW.search(text)))


def asks_the_shop(text: str) -> bool:
    """Whether words ask about the shop's rules or money rather than a product's facts."""
    return bool(
        POLICY_TOPICS.search(text)
        or SHOP_MONEY.search(text)
        or SHOP_WIDE.search(text)
        or REVIEW_RULES.search(text)  # «and if it turns out fake?»
        or ABROAD.search(text)  # «and send it to my sister in toronto?»
    )


def asks_shop_rules(text: str) -> bool:
    """Whether a question names a topic of the shop's rules («how many of the same thing can
    I order at once?»), so no «we don't sell» is tried on it."""
    return bool(POLICY_TOPICS.search(text) or SHOP_SERVICE.search(text) or FREE_THINGS.search(text))


# «can i get a sample before i buy?», «do you have testers?»: the rule on free things
FREE_THINGS = re.compile(r"\b(?:free\s+)?(?:samples?|testers?|freebies?)\b", re.I)


# «something similar», «anything like it», «alternatives»: more like the product in view
LIKE_IT = re.compile(
    r"\b(?:something|anything|any|an?|one|ones|some|others?)\s+similar\b"
    r"|\bsimilar (?:ones?|sets?|pairs?|products?|things?|items?)\b|\balternatives?\b"
    r"|\b(?:anything|something|others?) like (?:it|that|this|them|those)\b"
    # «what else is there for kids then?» beside kids headphones: more of its kind
    r"|\bwhat else (?:is there|(?:do|have) (?:you|u|ya) (?:have|got)|(?:you|u|ya) got)"
    r"(?:\s+for\s+(?:the\s+)?(?:kids?|children|an? (?:kid|child|baby|toddler)|my \w+|him|her|"
    r"them|me))?(?:\s+then)?\W*$",
    re.I,
)

# «recommend me something», «surprise me»: no need said, so the best rated overall (not «what
# do you recommend?», which after a list asks among it)
OPEN_ASK = re.compile(
    r"^\W*(?:(?:hi|hey|hello|ok|okay|so|well|hmm)\W+)*(?:(?:can|could|would) you |please |pls )?"
    r"(?:just )?(?:recommend|suggest)(?: me| us)? (?:something|anything|a product|some stuff)"
    r"(?: (?:good|nice|cool|popular|to buy))?(?: (?:please|pls))?\W*$"
    r"|^\W*(?:surprise me|what'?s good here)(?: (?:please|pls))?\W*$",
    re.I,
)
