"""Acts checked against the words before anything is planned: orders are sacred, so an unsure
change is not made, a yes must sound like one, and a cancel or a return asked about («can I
still cancel if…?») asks for the rule."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.conversation.answers.list_order import MORE_REVIEWS
from assistant.conversation.answers.order_wording import PLACED_TWICE
from assistant.conversation.answers.price_in_cart import COUNT_PRICED
from assistant.conversation.understanding.acts import Request
from assistant.conversation.understanding.buying import (
    ADD_FIRST,
    CART_CHANGING,
    CART_LINE_ACTS,
    PICKED_I_GUESS,
)
from assistant.conversation.understanding.corrections import ASKS
from assistant.conversation.understanding.follow_ups import THE_OTHER_TOO
from assistant.conversation.understanding.references import GROUP_SIZES
from assistant.conversation.understanding.shop_words import (
    ABROAD,
    AMOUNT_HELD,
    FREE_THINGS,
    IF_I_WANTED,
    OPEN_ASK,
    ORDER_CHANGE_ASKED,
    OWN_ORDER_STATE,
    REVIEW_RULES,
    SHOP_MONEY,
    SHOP_SERVICE,
)
from assistant.conversation.understanding.trades import INTO_CART
from assistant.search.famous_makes import FAMOUS_MAKE
from assistant.search.parsing import COLOURS
from assistant.search.reviews import REVIEWS_SUMMED

# Acts that never answer an open "which one?" or "how many?" question.
ANSWERS_ELSEWHERE = {"policy_question", "out_of_scope", "order_status", "review_question"}
AFFIRMATIVE = re.compile(  # «Oh go on then, yes, place the order.», «eh close enough, yes …»
    r"^\W*(?:(?:oh\W+)?(?:go on then|alright then|fine then|right then|ok then)\W+)?"
    # «nah its fine, confirm the order» after a question of adding more: no to that, yes here
    r"(?:(?:no|nah|nope)\W+(?:it'?s|its|that'?s|thats|all)\s+(?:fine|ok|okay|good)\W+)?"
    r"(?:(?:eh|meh|hmm+|well|fine|alright|close enough|good enough|fair enough|whatever)\W+){0,2}"
    r"(yes|yep|yeah|yup|ya|yas|sure|ok(ay)?|k|confirm(ed)?|go ahead|go for it|do it|"
    r"place (it|the order|my order)|order it|that'?s (right|correct|fine)|sounds good|"
    r"please do|perfect|great|lovely|absolutely|definitely|correct|buy it|send it|👍|✅)",
    re.I,
)
EMPTY_THE_CART = re.compile(
    r"\b(empty|clear|wipe|clean out)\b.*\b(cart|basket|bag|trolley)\b"
    r"|^\W*(clear|empty|wipe|bin|scrap) (it|them|everything|the lot)( all| out)?\W*$"
    r"|^\W*(remove|delete|take out) (it all|them all|everything)\W*$",
    re.I,
)
EMPTIED_BY = {"view_cart", "remove", "smalltalk", "help", "change"}  # «clear it all»: not a colour
# «how long till both arrive if I order now?»: asks about an order not yet placed
IF_I_ORDER = re.compile(r"\b(if|when|once) (i|we) (order|buy|check ?out|pay)\b", re.I)
# «if i order now how long till both get here»: a question after the condition, no «?» needed
_ASKED_AFTER = re.compile(r"\b(how|what|whats|when|which|will|would|does|do|is|are|can)\b", re.I)
NOT_ONLY_YES = re.compile(
    r"\?|\bbut\b|\b(what|when|how|where|which|why|who|wait|hold on|first)\b", re.I
)
# «Bassline One in black for my son or something cheaper»: still choosing, so nothing is added
# «ugh ok get her the pink one for iphone 16 then», «buy him that one»: an add for someone
_GET_THEM_THE = re.compile(
    r"^\W*(?:(?:ugh|ok|okay|fine|then|alright|right|so|yeah|yes|cool|hmm+|just)\W+)*"
    r"(?:get|grab|buy|order)\s+(?:her|him|them|us|my\s+\w+)\s+(?:the|that|this|those|these)\b"
    # not «buy my dad the best one for hiking»: a recommendation asked
    r"(?!\s+(?:best|cheapest|nicest|top|right|perfect|ideal|most|greatest|coolest|safest)\b)"
    r"(?![^?]*\?)",
    re.I,
)
_LISTED_BY_REVIEWS = re.compile(
    r"^\W*(?:(?:ok|okay|then|so|hmm+|can you|could you|pls|please)\W+)*"
    # a kind named («show me trekking poles with more reviews»), not «any with more reviews?»
    r"(?:show me|find me|find|any|got any|are there|list|what about)\s+(?!with\b|ones?\b)"
    r"[a-z][^?]*" + MORE_REVIEWS,
    re.I,
)
_GOT_FOR_SOMEONE_HEARD_AS = {"product_question", "search", "recommend", "refine", "help"}
# «did you add the X?», «you didnt add the blade & bowl one by accident did you», «have u put
# 2 in?»: a question of what was done, answered by the cart, never a change
_DID_YOU_ADD = re.compile(
    r"^(?:\W*(?:wait|hold on|hang on|hmm+|um+|so|and|but|oh)\b[\s,.!]*)*"
    r"(?:did|have|had)\s+(?:you|u|ya)\s+(?:just\s+|already\s+|accidentally\s+|actually\s+)?"
    r"(?:add|added|put|include|included|remove|removed|take|taken)\b"
    r"|\byou\s+(?:didn'?t|did\s*not|haven'?t|have\s*not|never)\s+(?:\w+\s+)?"
    r"(?:add|added|put|include|included)\b[^?]*\b(?:did|have)\s+(?:you|u|ya)\b",
    re.I,
)
# «how much would 4 of them cost? not adding, just asking»: a price asked, the cart untouched
# (not «add 3 in green, what would 3 come to?»: an add, then its price)
_A_CART_VERB_FIRST = re.compile(
    r"(?:^|[.,;!]\s*)(?:(?:ok|okay|so|then|and|please|pls)\W+)*(?:add|put|make it|change|swap|"
    r"remove|take|get me|grab)\b",
    re.I,
)
# «can i send them back if they don't fit?» heard as a plea for help: the returns rule
_RETURN_ASKED = re.compile(
    r"\b(?:send|take|bring|give)\s+(?:it|them|this|these|that|those)\s+back\b"
    r"|\b(?:return|exchange|refund)\s+(?:it|them|this|these|that|those)\b[^.!]*\?",
    re.I,
)
# «can you send me a sample first to patch test?», «do you have testers?»: the shop's rule on
# free things (FREE_THINGS), never a search for «samples»
_SAMPLES_HEARD_AS = frozenset(
    {"help", "smalltalk", "out_of_scope", "search", "catalogue_question", "recommend"}
)
_OR_ELSE = re.compile(
    r"\bor (?:something|anything|similar|a cheaper|an? (?:alternative|similar))\b", re.I
)
# «She already bought one herself. Cancel my order.»: the order, whatever else it says
_CANCEL_MY_ORDER = re.compile(
    r"^\W*(?:(?:please|pls|so|ok|okay|then|just)\W+)*cancel\s+(?:my|the|that|this|our)\s+"
    r"(?:order|purchase)\b|(?:^|[.!]\s+)(?:please\s+)?cancel\s+(?:my|the)\s+order\b",
    re.I,
)
# «If he wants blue instead, can he just exchange them?»: the rule asked, no change made
_IF_EXCHANGED = re.compile(
    r"^\W*(?:(?:and|but|so|ok|okay|hmm|what)\W+)*if\b[^?]*\b(?:exchange|return|swap|send (?:it|"
    r"them) back|refund)\w*\b[^?]*\?\W*$"
    # typed without the «?»: «if they dont fit can she swap for a M»
    r"|^\W*(?:(?:and|but|so|ok|okay|hmm|what)\W+)*if\b[^?.!]*\b(?:can|could|will|would|do|does)"
    r"\s+(?:i|we|she|he|they|u|you)\s+(?:just\s+|still\s+)?(?:exchange|return|swap|send)\b",
    re.I,
)
_IF_A_CASE_EXCHANGED = re.compile(
    r"(?=.*\bif\s+(?!(?:possible|poss|you can|u can|ok|okay|that'?s ok)\b))"
    rf"(?:{_IF_EXCHANGED.pattern})",
    re.I,
)
# acts a conditional «if they dont fit can she swap…» was heard as, though it asks the rule
_NOT_A_QUESTION = CART_LINE_ACTS | {"product_question", "search", "refine"}
_IF_I_CHANGE = re.compile(
    r"\bif (?:i|we) (?:remove|take|drop|add|change(?! (?:my|our) minds?)|swap|get rid)\b"
    r"[^?]*\?\W*$",
    re.I,
)
# «how much is delivery on that?»: what shipping costs, the shop's rule (and the cart's gap)
_SHIPPING_COST = re.compile(
    r"\bhow much (?:is|are|does|do|for|would|will)?\s*(?:the\s+)?(?:delivery|shipping|postage)\b"
    r"|\b(?:delivery|shipping|postage) (?:cost|fee|charge|price)s?\b(?! back)"
    r"|\b(?:delivery|shipping|postage) (?:extra|on top)\b|\bextra for (?:delivery|shipping)\b",
    re.I,
)
# «how much more do i have to spend to get it free»: what the cart lacks to ship free
# (not «is there a minimum spend for free postage?», the rule; not «… if I get the X?», a
# question of the X)
MORE_FOR_FREE = re.compile(r"\bhow much more\b(?![^?]*\bif\b).{0,40}\bfree\b", re.I)
_WHO_SELLS = re.compile(r"\bwho(?:'s| is)?\s+(?:\w+\s+){0,2}(?:sells?|selling|the seller)\b", re.I)
# «armorly wave 200 power bank any good», «is it any good?»: what its reviews say
_ANY_GOOD = re.compile(r"\b(?:any good|worth it|worth the money)\W*$", re.I)
# «can I send both back?», «can i return them both»: each one's returns, not a comparison
_SENT_BACK = re.compile(
    r"\b(?:send|take|bring)\s+(?:both|them|these|those|the two)(?:\s+of them)?\s+back\b"
    r"|\breturn\s+(?:both|them both|the two|these two|those two)\b",
    re.I,
)
# «it has 4.8 stars, legit or bots?», «are those 5 stars paid?»: whether its reviews are real
_STARS_TRUSTED = re.compile(
    r"\b(?:stars?|ratings?|rated|reviews?)\b.{0,40}\b(?:legit|bots?|fake|paid|real|genuine"
    r"|copy[- ]?past\w*|copied|identical)\b"  # «some of the 5 star ones look copy pasted??»
    r"|\b(?:bots?|fake|paid)\b.{0,30}\b(?:stars?|ratings?)\b"
    # «legit? so many 5 stars»
    r"|\b(?:so many|too many|all(?: the)?|lots of|nothing but)\s+(?:5|five)[- ]?stars?\b"
    # «a bunch of 5 stars posted at the same time?»: a burst
    r"|\b(?:stars?|reviews?)\b.{0,40}\b(?:(?:at )?the same time|same day|all at once|burst)\b",
    re.I,
)
# «drop the M white and the L red»: a removal, however it sounded (not «drop it to 2», «drop
# the pink for the blue», «remove the X and add the Y»)
_TAKE_OUT_FIRST = re.compile(
    r"^\W*(?:(?:ok|okay|actually|hmm+|oh|and|also|so|please|pls)\W+)*(?:drop|remove|delete|"
    r"take out|ditch|get rid of|bin)\s+(?:the|both|my|those|these)\b"
    r"(?!.*\b(?:to\s+\d|for|with|instead|into|add|put|swap|change|make)\b)",
    re.I,
)
_WHATS_IN_IT = re.compile(
    r"\b(?:what'?s|whats|what is|show me|tell me|list)\b.{0,25}"
    r"\bin (?:the|my|this|that) (?:order|cart|basket|bag|summary)\b"
    # «can you repeat the summary?», «recap pls», «sum it up again»
    r"|\b(?:repeat|recap|go over|read (?:back|out)|sum (?:it |that )?up)\b",
    re.I,
)
# «I'll take both», «we'll take them»: keeping them, never taking them out
I_TAKE = re.compile(
    r"\b(?:i|we)(?:'ll| will|'d| would)\s+take\b(?![^,;.]*\b(?:out|off|away|back)\b)", re.I
)
# «nothing's ordered yet right?», «it isn't placed already, is it?»: asks, orders nothing
_ORDERED_YET = re.compile(
    r"\b(?:nothing|anything)(?:'s|s| is| has| was| have)?\s+(?:been\s+|got\s+)?"
    r"(?:ordered|placed|bought|charged)\b[^.!]*\?"
    r"|\b(?:isn'?t|hasn'?t|wasn'?t|haven'?t|not)\s+(?:been\s+|got\s+)?"
    r"(?:ordered|placed|bought|charged)\b[^.!]*\?"
    r"|\b(?:ordered|placed|charged)\s+(?:yet|already)\b[^.!]*\?",
    re.I,
)
# «only one set of cubes, drop the atlas & oak ones»: heard as a count, said as a removal
_TAKE_OUT_LAST = re.compile(
    r"[,;.]\s*(?:(?:and|so|just)\s+)?(?:drop|remove|delete|take out|ditch|get rid of|bin)\s+"
    r"(?:the|both|my|those|these)\b"
    # («drop the colour filter», «remove the gift note», «drop the attitude»: no cart line)
    r"(?![^,;.]*\b(?:filters?|requirements?|restrictions?|limits?|caps?|budget|notes?|message|"
    r"attitude|sorting|sort|search)\b)[^,;.]*$",
    re.I,
)
# «actually i only need one watch, drop the coreforge» heard as a narrowing: a removal
_TAKE_OUT_HEARD_AS = frozenset({"change", "refine", "help", "smalltalk"})
# «… way more reviews. swap it for that one in purple»: a trade, however it sounded
_SWAP_ASKED = re.compile(
    r"(?:^|[.!?]\s+)(?:(?:ok|okay|hmm+|actually|then|so|please|pls|can you|could you|can u)\W+)*"
    r"(?:swap|switch|replace|exchange)\s+(?:it|mine|that|this|them|those|the [\w&' -]{1,30}?"
    r" ones?)\b.*\b(?:for|with)\b",  # «swap the meeple one for that»
    re.I,
)
SURE_ENOUGH = 0.35  # below this a cart-changing act is not acted on (the runner-up is taken)
SURE_CONFIRM = 0.9  # a confirmation without a yes-word must be this sure


# «fine, check out again», «ok let's check out now»: only a checkout, however it was heard
_ONLY_CHECKOUT = re.compile(
    r"^\W*(?:(?:fine|ok|okay|right|alright|so|then|now|great|cool|perfect|lovely|thanks|good)"
    r"\W+)*(?:(?:let'?s|i'?d like to|i want to|i wanna|please|pls) )?(?:take me to |go to "
    r"|proceed to )?(?:the )?check ?out(?: (?:again|now|then|please|pls|too))*\W*$",
    re.I,
)


# «make the sleeping bag 2», «bump my rope to three»: a cart line's count, whatever follows
_MAKE_THE_LINE = re.compile(
    r"^\W*(?:(?:ok|okay|actually|oh|and|also|hmm|right|wait|please|pls)\W+)*(?:make|change|set|"
    r"bump|update)\s+(?:the|my)\s+[a-z][\w' -]{1,30}?\s+(?:to\s+)?(?:\d{1,2}|two|three|four|five"
    r"|six)\b(?=\s*(?:$|[,.!;]|(?:pls|please|then|instead|of them|units?)\b))"  # not «2 person»
    r"|^\W*(?:\w+\W+){0,2}?(?:i'?ll |let'?s |we'?ll )?keep (?:it|them|that|the \w+) at "
    r"(?:\d{1,2}|two|three|four|five)\b"  # «fair, I'll keep it at 2 for now»
    # «actually drop it to 2»: fewer, not out
    r"|\b(?:drop|reduce|lower|bring|cut|take)\s+(?:it|that|them|those|the\s+\w+)\s+(?:down\s+)?"
    r"to\s+(?:\d{1,2}|one|two|three|four|five)\b",
    re.I,
)


# a last sentence that takes a thing out: «hmm two kettles is silly. drop the green one»
_DROP_THE = re.compile(
    r"(?:^|[.!;]\s+)(?:(?:ok|okay|so|then|just|please|pls|actually|hmm|nah)\W+)*(?:drop|remove|"
    r"delete|ditch|take out|get rid of)\s+(?:the|that|this|it|them|one of|"
    # not «please delete my data»: what the shop keeps about the shopper is no cart line
    r"my(?!\s+(?:personal\s+)?(?:data|info\w*|details|account|history)\b))\b"
    r"(?![^?]*\bto\s+(?:\d|one|two|three|four|five)\b)[^?]*$"  # not «drop it to 2»
    # «hmm scratch the cable, i have one»: a line named (not «scratch that», an undo)
    r"|(?:^|[.!;]\s+)(?:(?:ok|okay|so|then|just|please|pls|actually|hmm+|nah|wait)\W+)*"
    r"(?:scratch|nix|cancel)\s+the\s+(?!last\b|order\b|checkout\b)\w[^?]*$",
    re.I,
)

# «forget it, too expensive», «nah skip that one, its way too pricey»: the one in view taken out
_DROPPED_AS_DEAR = re.compile(
    r"^\W*(?:(?:ok|okay|nah|hmm+|actually|ugh|meh|yeah|no)\W+)*(?:forget|skip|ditch|nix|lose)"
    r"\s+(?:it|that|this|that one|this one)\W+(?:(?:it'?s|it is|that'?s|thats|way|a bit|kinda|"
    r"just|bit|too|much|so)\s+)*(?:expensive|pricey|pricy|dear|steep|spendy|much)\W*$",
    re.I,
)

# «and one more», «one more please», «throw in one more»: another unit of the one in view
_ONE_MORE = re.compile(
    r"^\W*(?:(?:and|oh|ok|okay|actually|plus|also|just|so)\W+)*(?:(?:add|throw in|put in|get me|"
    r"give me|i'?ll (?:take|have))\s+)?(?:one|1|another) more(?: (?:of (?:it|those|them|that)|"
    r"please|pls|too|then))*\W*$",
    re.I,
)

# «actually add another one, one for the beach bag»: one more of the one in view, whatever for
_ANOTHER_FOR = re.compile(
    r"^\W*(?:(?:and|oh|ok|okay|actually|plus|also|so|then)\W+)*(?:add|get|grab|throw in|put in)\s+"
    r"(?:another|one more)(?:\s+one)?\W+(?:one\s+|it'?s\s+|its\s+)?for\s+[^?]{1,40}$"
    # «and another one for my wife, she has an iphone 15», «and a second one for my
    # husband's galaxy s24»: one more of the one in view, in the version said
    # (not «and another one for my daughter, something for a 10 year old»: a new search)
    r"|^\W*(?:(?:and|oh|ok|okay|actually|plus|also|so|then)\W+)+(?:another|a second|one more)"
    r"(?:\s+one)?\s+for\s+(?:my|her|his|our)\s+\w+(?:'s\s+[\w ]{1,30}?|\W+(?:she|he|they)\s+"
    r"(?:has|have|uses|use|got|'s got|also has)\s+[\w ]{1,30}?)?\W*$",
    re.I,
)

# «and a silver one too for her brother»: another version of the one in view, whoever it is for
_ANOTHER_VERSION_TOO = re.compile(
    r"^\W*(?:(?:and|plus|also|oh|ok|okay)\W+)+(?:a|one|another)\s+(?:in\s+)?"
    rf"(?:{'|'.join(sorted(COLOURS, key=len, reverse=True))}|small|medium|large|xs|s|m|l|xl|xxl)"
    r"\s+one\s+"
    r"(?:too|as well|also)\b",
    re.I,
)

# «and the same in M for me», «same again but in L»: another version of the one in view
_SAME_IN_ANOTHER = re.compile(
    r"^\W*(?:(?:and|plus|also|oh|ok|okay)\W+)*(?:the\s+)?same\s+"
    r"(?:one\s+|thing\s+|again\W+(?:but\s+|only\s+)?)?in\s+"
    rf"(?:a\s+)?(?:size\s+)?(?:{'|'.join(sorted(COLOURS, key=len, reverse=True))}|small|medium|"
    r"large|xs|s|m|l|xl|xxl|\d{1,2}(?:\.5)?)\b(?:\s+(?:too|as well|also|for (?:me|her|him|my \w+)|"
    r"please|pls))*\W*$",
    re.I,
)

# «and the other blade & bowl one, same size and colour»: another product, in the version
# just taken
_OTHER_IN_THE_SAME = re.compile(
    # (not «the other one is the same size?»: a question)
    r"^(?!.*\?)(?!.*\b(?:is|are|was|were)\b)"
    r"\W*(?:(?:and|plus|also|ok|okay|oh)\W+)*(?:the other|another)\b"
    # (not «another colour, same size»: which one is not said)
    r"(?!\s+(?:one\b|colou?r|size|brand|model|style|kind|type|version|shade|pattern))"
    r"[\w&' -]{1,40}?"
    r"\s*[,-]?\s*(?:in\s+)?(?:the\s+)?same\s+(?:size|colou?r|version|one)"
    r"(?:\s+(?:and|&)\s+(?:size|colou?r))?(?:\s+(?:too|as well|also|please|pls))*\W*$",
    re.I,
)

# «half a dozen of those», «2 of them please»: so many of the one in view
_SO_MANY_OF_THOSE = re.compile(
    r"^\W*(?:(?:ok|okay|so|then|and|cool|great|perfect|yes|yeah|sweet)\W+)*(?:(?:i'?ll take|"
    r"gimme|give me|get me|i'?d like|i want|ill take)\s+)?(?:\d{1,2}|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|a couple|couple|half a dozen|a dozen|a pair)\s+"
    r"of\s+(?:those|them|these|that|this|it|em|'em)(?:\s+(?:please|pls|plz|then|too|thanks))*"
    r"\W*$",
    re.I,
)

# «ill take half a dozen for party bags»: so many of the one in view, whatever they are for
# «half a dozen of the king ones, whatever that means for a candle lol»: so many of a
# version, an aside after it asking nothing
_SO_MANY_OF_THE = re.compile(
    r"^\W*(?:(?:ok|okay|right|then|so|fine)\W+)*(?:\d{1,2}|a couple)\s+of\s+the\s+[\w ]{1,20}?"
    r"\s+ones?\b(?![^?]*\?)(?![^,.;!]*\b(?:left|in stock|available|cost|price)\b)",
    re.I,
)
# «and a couple of the core 400», «plus 3 of the flexa zen»: so many of a product, one more line
_AND_SO_MANY_OF_THE = re.compile(
    r"^\W*(?:and|also|plus|oh and|and also|\+)\s+(?:\d{1,2}|two|three|four|five|six)\s+of\s+"
    r"the\s+(?![^,.;!]*\b(?:are|is|were|was|aren'?t|isn'?t|sold|have|has|had)\b)"
    r"[\w &'.-]{2,40}?(?:\s+(?:too|as well|please|pls|then))*(?![^?]*\?)"
    r"(?![^,.;!]*\b(?:left|in stock|available|cost|price)\b)\W*$",
    re.I,
)
_TAKE_SO_MANY = re.compile(
    r"^\W*(?:(?:ok|okay|right|great|then|so|cool|perfect)\W+)*(?:i'?ll|ill|i will|i'?d like to)\s+"
    r"(?:take|have)\s+(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b"
    r"(?!\s*(?:stars?|days?|%|percent|bucks|dollars))(?!\s+(?:more\s+)?(?:look|sec|second|"
    r"minute|moment|min)\b)(?![^?]*(?:\?|\b(?:if|later|after|tomorrow|tmrw|next|payday|when|once|"
    r"maybe|for now)\b))",
    re.I,
)

# «can i order like 20 of the same thing?»: the shop's limit per item is asked, nothing named
_SO_MANY_OF_ONE = re.compile(
    r"\b(?:can|could|may|do you let) (?:i|we|me|u|you|people) (?:order|buy|get|have)\s+"
    r"(?:like |about |around |maybe |up to )?\d{2,3}\s+(?:of )?(?:the same|one|a single)\s*"
    r"(?:thing|item|product|one)?\b",
    re.I,
)

# «whats it come to», «what does that all come to»: the cart's total
_COMES_TO = re.compile(
    r"^\W*(?:(?:so|ok|okay|and|right)\W+)*(?:what(?:'?s| is| does| would| will)?|how much "
    r"(?:does|will|would|is))\s+(?:it|that|this|everything|it all|that all|the lot|all that|"
    r"the total)\s+(?:all\s+)?come\s+(?:to|out at)\b"
    # «tot?», «total?», «total pls»: the total, said short
    r"|^\W*(?:tot|total|ttl|grand total|the total)(?:\W+(?:pls|please|now|then))?\W*$"
    # «what do i owe», «how much do i owe you»
    r"|^\W*(?:(?:so|ok|okay|and|right)\W+)*(?:what|how much)\s+(?:do|would|will)\s+i\s+owe\b"
    r"(?![^?]*\border)",  # not «what do i owe for my last order»
    re.I,
)

# «ok what did we agree on», «sum up please», «recap?»: what the cart holds now
_SUM_UP = re.compile(
    r"^\W*(?:(?:so|ok|okay|and|right|alright|can you|could you|pls|please|just|hm+|fine|"
    r"keep it|cool)\W+)*"
    r"(?:(?:sum (?:it |that |everything |things )?(?:all )?up(?: everything| it all| all)?|recap|"
    r"summari[sz]e(?: (?:it|that|everything|"
    r"my cart|the cart))?)(?: (?:what|everything) (?:we|i)(?:'ve| have)? "
    r"(?:agreed|said|picked|chose|chosen|decided|got)(?: on)?)?|"
    r"what did we (?:agree|settle|decide|land)(?: on)?|where are we at|"
    # «so what have we agreed on?», «what have we settled on so far»
    r"what (?:have|'?ve) we (?:agreed|settled|decided|landed)(?: on)?|"
    r"where did we land|what (?:have|'?ve) i (?:got|added|picked|chosen) so far|"
    # «list what ive got», «tell me what ive got so far», «so what did we end up with»
    r"(?:list|tell me|show me|remind me(?: of)?) what (?:i'?ve|ive|i have|we'?ve|we have) "
    r"(?:got|added|picked|chosen)|what did (?:we|i) end up with)"
    r"(?:\W+(?:please|pls|then|for me|so far))*\W*$",
    re.I,
)

# «read it back to me», «just checking, you put queen in and not king right?»: the cart shown
_READ_BACK = re.compile(
    r"^\W*(?:(?:so|ok|okay|and|can you|could you|pls|please|just|now)\W+)*read (?:it|that|them|"
    r"everything|(?:the|my) (?:cart|basket|order|bag))\s+(?:back|out)\b(?:\W+(?:to me|again|"
    r"please|pls|for me))*\W*$"
    # (not «you got it in navy right?»: whether the shop has it)
    r"|\byou(?:'ve| have| did)?\s+(?:put|added)\b[^?.!]{1,40}\b(?:right|correct|yeah|"
    r"yes|ok)\s*\?"
    # «wait, recap - which colour and size did you put in?»
    r"|\b(?:which|what)\s+(?:colou?rs?|sizes?|versions?|ones?|models?)(?:\s+(?:and|&)\s+"
    r"(?:colou?r|size))?\s+did\s+(?:you|u)\s+(?:put|add|go with|pick)\b",
    re.I,
)

# «… long story about my old tote …, anyway please just add the Voyagr tote to my cart.»:
# after a long story, the closing sentence that asks to add is the request
_ADD_AT_THE_END = re.compile(
    r"(?:[.!?;]\s+|,\s*(?=(?:anyway|so|but|long story short)\b))(?P<ask>(?:(?:anyway|so|but|ok|"
    r"okay|long story short)\W+)*(?:(?:please|pls|can you|could you|just)\s+)*(?:add|put|pop|"
    r"throw)\s+(?:the|a|an|\d+|two|three)\s(?![^.!?]*\b(?:one|ones|pair|it|them|those|these|that|"
    r"this)\b)(?:[\w&'-]+\s+){2,}?[^.!?]{0,100}?\b(?:to|in|into) (?:my|the) "
    r"(?:cart|basket)\b[^.!?]*)[.!?]*\s*$",
    re.I,
)
_LONG_STORY_WORDS = 25

# Words sure of their act however unsure the classifier: «fine, check out», «and one more»,
# «two kettles is silly. drop the green one», «make the sleeping bag 2, my partner's coming»
# (not a gift search)
_SURE_WHATEVER_HEARD = (
    (_ONLY_CHECKOUT, "checkout"),
    (PLACED_TWICE, "order_status"),
    (_SO_MANY_OF_ONE, "policy_question"),
    (_COMES_TO, "view_cart"),
    (_SUM_UP, "view_cart"),
    (_READ_BACK, "view_cart"),
    (_ONE_MORE, "add"),
    (_ANOTHER_VERSION_TOO, "add"),
    (_SAME_IN_ANOTHER, "add"),
    (_OTHER_IN_THE_SAME, "add"),
    (_ANOTHER_FOR, "add"),
    (_TAKE_SO_MANY, "add"),
    (_SO_MANY_OF_THE, "add"),
    (OPEN_ASK, "catalogue_question"),
    (_DROP_THE, "remove"),
    (_DROPPED_AS_DEAR, "remove"),
    (_MAKE_THE_LINE, "change"),
)


# «compare the morning ritual urban and the morning ritual edge s» after a list: a comparison
_COMPARE_FIRST = re.compile(
    r"^\W*(?:(?:ok|okay|so|now|then|hmm+|and|pls|please|(?:can|could) (?:you|u))\W+)*compare\b",
    re.I,
)
# «atlas & oak one x vs the core s, which is better?»: two things set against each other
_VERSUS = re.compile(
    r"^(?!\W*(?:is|are|does|do|will|would|can)\s+(?:it|they|this|that|these|those)\b)"
    r".*\w\s+(?:vs\.?|versus)\s+\w",
    re.I,
)

# «which colours of them are actually in stock right now», «which colours have u got in the
# large»: the versions of what is in view, not a narrower search
_WHICH_VERSIONS = re.compile(
    r"^\W*(?:(?:ok|okay|so|and|hmm+|cool|nice)\W+)*(?:which|what)\s+(?:colou?rs?|sizes?|shades?|"
    r"versions?)\b(?=[^?]*\b(?:it|them|those|these|they|this|that|in stock|available|"
    r"(?:have|got) (?:u|you)|(?:u|you) (?:have|got)|left|right now)\b)"
    r"(?![^?]*\b(?:under|below|over|cheaper|cheapest|best|rated|reviews?)\b)"
    # not «… in running shorts», «… in the rain jackets»: another kind, searched
    r"(?![^?]*\b(?:in|of|for)\s+(?:the\s+|your\s+)?(?:[a-z]+\s+)?(?!this|its|those|these|"
    r"yours|stock)[a-z]+s\b)",
    re.I,
)

# «no no i meant the other one, the echofox»: a pick taken back for the other, said by name
_MEANT_THE_OTHER = re.compile(
    r"^\W*(?:(?:no+|nah|nope|sorry|oops|wait|hmm+)\W+)+(?:i\s+)?(?:meant|mean|wanted)\s+"
    r"the other(?:\s+one)?\b[^?]*$",
    re.I,
)

# «which hiking backpack ships the fastest»: of every product of that kind, not those shown
_QUICKEST_OF_A_KIND = re.compile(
    r"^\W*(?:(?:so|ok|okay|and|hmm+)\W+)*(?:which|what)\s+(?!ones?\b|of\b)[a-z][\w -]{2,40}?\s+"
    r"(?:ships?|arrives?|gets? (?:here|to me)|comes?|(?:is|are|can be|will be|would be) delivered)"
    r"\s+(?:the\s+)?(?:fastest|quickest|soonest|first)\b",
    re.I,
)

# «oops didnt mean to add the poles»: never an add, whatever else was added since
_NOT_MEANT_TO_ADD = re.compile(
    r"\b(?:didn'?t|did not|never)\s+mean\s+to\s+(?:add|put|get|buy|order)\b", re.I
)

# «2 more of the bands», «one more of the second one please»: units added to what the cart
# holds, never the line's count set to the number said
_SO_MANY_MORE_OF = re.compile(
    r"^\W*(?:(?:and|oh|actually|ok(?:ay)?|also|plus|can i (?:get|have)|i'?ll take|add|get|"
    r"grab|put)\W+)*(?:\d{1,2}|one|two|three|four|five|a couple)\s+more\s+of\b[^?]*$",
    re.I,
)

# «one of each of the voltedge core 2 and the voltedge urban in black»: adds, not a question
_SO_MANY_OF_EACH_OF = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|and|then|so|yes|yeah|great|cool|perfect)\W+)*(?:add\s+|get\s+(?:me\s+)?|"
    r"i'?ll take\s+|i'?ll have\s+)?(?:\d{1,2}|one|two|three|a couple)\s+of\s+each\s+of\s+"
    r"(?!them\b|those\b|these\b)[a-z]"
    r"(?![^?]*\b(?:which|what|how|whats|compare|vs|versus|better|difference)\b)[^?]*$",
    re.I,
)

# «any good?» after one was picked: what its reviews say, not the list again
# «hey can u show me the sonara edge speaker and the echofox one 2 speaker» heard as an add:
# a look asked for, nothing put in the cart
_SHOW_ME = re.compile(
    r"^\W*(?:(?:hey|hi|hello|ok|okay|so|and|pls|please)\W+)*(?:(?:can|could|would)\s+"
    r"(?:u|you)\s+)?(?:pls\s+|please\s+)?(?:show|tell)\s+me\b"
    r"(?!.*\b(?:add|put|cart|buy|order|take|get me|grab|want|ill|i'll|i'd|give me|need)\b)"
    # (not «show me the first two»: picked from the list, heard as it was)
    r"(?!\s+(?:the\s+)?(?:first|second|third|fourth|fifth|last|1st|2nd|3rd|both|all)\b)",
    re.I,
)
# «how do i track it» just after ordering, heard as a plea for help: where the order is
# (not «if i order now how do i track it?», «before i buy: …»: the rule)
_HOW_TO_TRACK = re.compile(
    r"^(?!.*\b(?:if|when|once|before|after)\s+(?:i|we)\s+(?:order|buy|check|pay|place)|.*\bafter\s+"
    r"(?:ordering|buying|i\s+order))"
    r".*\bhow\s+(?:do|can|would|will)\s+(?:i|we)\s+track\s+(?:it|them|that|my\s+(?:order|parcel|"
    r"package|stuff)|the\s+(?:order|parcel|package))\b",
    re.I,
)
_JUST_ANY_GOOD = re.compile(r"^\W*(?:(?:ok(?:ay)?|so|and|hmm+|but|right)\W+)*any\s+good\W*$", re.I)


def about_the_pick(request: Request, focus: str | None) -> Request:
    """«cheapest one?», then «any good?»: a review question about the one picked (beside a
    list with none picked it still narrows the list)."""
    if (
        focus
        and request.act in {"refine", "smalltalk", "search"}
        and _JUST_ANY_GOOD.match(request.text)
    ):
        return Request(request.text, "review_question", request.confidence, request.act)
    return request


# «can i get 2?» of the one in view: that many of it (of a line in the cart, its count)
CAN_I_GET_SO_MANY = re.compile(
    # («i teach a class, can i get 12 of the zenmotion pro 2 set»: a reason before it)
    r"^\W*(?:[^,?.!]{1,40},\s*)?(?:(?:ok|okay|so|and|hmm|actually)\W+)*(?:can|could|may) "
    r"(?:i|we) (?:get|have|buy|order|grab) (?:\d{1,2}|two|three|four|five)"
    r"(?: of (?:them|those|these|it|the [\w&' -]{2,40}?))?"
    # «can i get 4 of those? gifts for my sisters»: a reason after it, no second question
    r"(?: (?:please|pls|instead|then))?(?:\W*$|\s*[?,.!]+\s*[^?]{1,80}?[.!\s]*$)",
    re.I,
)
# «ok get it», «fine, i'll take that one then»: the one in view, bought
_GET_IT = re.compile(
    r"^\W*(?:(?:ok|okay|fine|alright|right|sure|yes|yeah|yep|cool|great|perfect|then|go on|"
    r"nvm|never ?mind|oh well|ah well)\W+)*"
    r"(?:i'?ll\s+|let'?s\s+|please\s+|pls\s+|just\s+)?(?:get|buy|take|grab|order)\s+"
    r"(?:it|that|this|that one|this one)"
    # «nvm. get it for my wife's iphone 16 then»: who it is for, or its version
    r"(?:\s+(?:for|in)\s+[\w' -]{1,40}?)?(?:\W+(?:then|please|pls|now|thanks|thx))*\W*$",
    re.I,
)
# «hmm no, just the one after all», «no just one»: a count taken back, no word of change
_COUNT_TAKEN_BACK = re.compile(
    r"^\W*(?:(?:no+|nah|nope|wait|sorry|oops|actually|hmm+|ok|okay|oh|hang on|"
    r"on second thought)\W+)+(?:just|only)\s+(?:the\s+)?(?:one|two|three|four|five|\d)\b"
    r"(?:\W+(?:after all|then|please|pls|thanks|instead|is fine|is enough|is plenty|for now|"
    r"sorry|of (?:them|those|it)))*\W*$",
    re.I,
)
# «yikes. whats the threadwell one like then», «what are those like?»: asked about, not bought
_WHATS_IT_LIKE = re.compile(
    r"(?:^|[.!?]\s*)\W*(?:(?:ok|okay|so|and|hmm+|then|yikes|oh|well)\W+)*(?:what'?s|whats|what is|"
    r"what are|how'?s|hows|how is|how are)\s+(?:the|that|this|those|these|them|it)\b[^.!?]{0,40}?"
    r"\blike\b(?:\s+(?:then|though|tho|tbh|honestly))?\W*$",
    re.I,
)
# (acts heard, words, the act they are): each only when heard as one of those acts
# «plus another in beige», «and one in black for my sister»: a second line
_ONE_MORE_IN = re.compile(
    r"^\W*(?:and|plus|also|oh and)\s+(?:(?:one|1|another|a second)(?: one| pair| set)?"
    r"(?: more)?)\s+"
    # «and another pair in a 12 for my bro»
    r"in\s+(?:(?:a|an|size)\s+)?(?!the\b)[a-z0-9]+\b(?![^.?!]*\?)",
    # («… in the other colour»: other_value)
    re.I,
)
_CONTENTS = re.compile(
    r"\b(?:ingredients?|allergens?|cruelty[- ]?free|tested on animals)\b"
    r"|\b(?:any|contains?)\s+(?:any\s+)?(?:(?:tree[- ])?nuts?|nut oils?|peanuts?|gluten|dairy|"
    r"latex|parabens?)\b",
    re.I,
)
# «ok which of your noise cancelling headphones has the longest battery»: the shop's, not
# those in view
_WHICH_OF_YOURS = re.compile(
    r"\b(?:which|what)(?: one| ones)? of (?:all )?(?:your|ur|the shop'?s)\s+"
    r"(?!(?:ones?|suggestions?|options?|picks?|choices?|recommendations?|recs?|results?|list|top|best|faves?|favou?rites?)\b)"
    r"[a-z]",
    re.I,
)
# «monopoly?», «any airpods?», «got a kindle»: a well-known make alone is asked for
_A_MAKE_ALONE = re.compile(
    r"^\W*(?:(?:any|got|do (?:you|u) (?:have|sell|do)|have (?:you|u) got|u got)\s+)?"
    # (not «ugg», «uno» alone: a sound, a word)
    rf"(?:an?\s+|the\s+|some\s+)?(?!(?:ugg|uno)\W*$){FAMOUS_MAKE.pattern}"
    # «patagonia torrentshell?»: a model of its own, asked (not «beats me», «ugg seriously»)
    r"(?:\W*$|\s+(?!(?:me|you|it|seriously|really|please|pls|lol|then|tho|though|again|too|"
    r"now|ok|okay|thanks|mate|man|bro|haha)\b)[a-z0-9-]+\s*\?\W*$)",
    re.I,
)
# «i want a thick one tho, like 10mm» beside a list: which of them is, not a pick
_A_ONE_OF_A_SORT = re.compile(
    r"^\W*(?:(?:ok|okay|hmm+|well|so|but)\W+)*i\s*(?:want|need|'?d like|would like|prefer)\s+"
    r"(?:a|an)\s+(?:(?:really|bit|little|more|less)\s+)?(?:thick|thicker|thin|thinner|light|"
    r"lighter|heavier|sturdy|sturdier|quiet|quieter|warm|warmer|long|longer|lightweight|"
    r"durable|waterproof)\s+one\b",
    re.I,
)
# «why's its rating so low», «why is it rated so badly»: what the reviews say against it
_WHY_RATED_LOW = re.compile(
    r"\bwhy\b[^?]{0,30}\b(?:rating|rated|stars?|reviews?)\b[^?]{0,20}\b(?:so\s+)?(?:low|bad|"
    r"badly|poor|poorly|terrible|awful)\b",
    re.I,
)
# «the cheaper of those two please, my flight is next month so no rush»: a pick, with a remark
_PICKED_PLEASE = re.compile(
    r"^\W*(?:(?:ok|okay|right|so|then|fine)\W+)*the\s+(?:[\w-]+\s+){0,3}?(?:one|of\s+"
    r"(?:those|these|them)(?:\s+(?:two|three|2|3))?)\s+(?:please|pls|plz)\s*[,.;!]\s*(?![^?]*\?)",
    re.I,
)
# «the pacer & co one» after a list: one picked by a make with «&» in its name, no comparison
_THE_AMPERSAND_ONE = re.compile(
    r"^\W*(?:(?:ok|okay|right|so|then|fine|hmm+|yeah|yes)\W+)*the\s+[\w'-]+\s*&\s*[\w'-]+"
    r"(?:\s+[\w'-]+)?\s+one(?:\s+(?:then|please|pls|plz))*\W*$",
    re.I,
)
# «what if i press the confirm button twice by accident?» at a summary: the rule asked, no
# «no» to the summary (nor a «yes»)
_WHAT_IF_ASKED = re.compile(
    r"^\W*(?:(?:and|but|so|ok|okay|hmm+|wait)\W+)*(?:what if|what happens if|what happens when|"
    r"what would happen if|what happens)\b",
    re.I,
)
# «oh also grey king x1» right after adding white queen: another line, not a new version of it
_ALSO_ANOTHER = re.compile(
    r"^\W*(?:(?:oh|and|ok|okay|hmm+|yeah|plus)\W+)*(?:also|and also|plus)\b"
    r"(?!.*\b(?:make|change|switch|swap|instead|rather|not|only|just|should|prefer|better|"
    r"would|'d|enough|too many|too much|fine|plenty)\b)"
    # a count of its own: «x1», «2 more», «one in grey», «another», «too»
    r"(?=.*(?:\bx\s?\d+\b|\b\d+\b|\b(?:one|two|three|another|too|as well)\b))",
    re.I,
)
_HEARD_AS = [
    ({"product_question"}, _WHY_RATED_LOW, "review_question"),
    ({"decline", "confirm"}, _WHAT_IF_ASKED, "policy_question"),
    ({"product_question", "search", "refine", "smalltalk"}, PICKED_I_GUESS, "add"),
    ({"compare"}, _THE_AMPERSAND_ONE, "add"),
    ({"refine", "search", "compare", "product_question", "smalltalk"}, _PICKED_PLEASE, "add"),
    ({"help", "smalltalk", "out_of_scope"}, _A_MAKE_ALONE, "search"),
    ({"add"}, _A_ONE_OF_A_SORT, "refine"),
    ({"change"}, _ALSO_ANOTHER, "add"),
    ({"add", "change"}, _WHATS_IT_LIKE, "product_question"),
    ({"refine", "compare"}, _WHICH_OF_YOURS, "search"),
    # «what are the ingredients», «is it cruelty free?»: of the product, whatever it sounded like
    ({"help", "smalltalk", "out_of_scope", "review_question"}, _CONTENTS, "product_question"),
    (
        {"product_question", "review_question", "search", "refine", "smalltalk", "help"},
        _COUNT_TAKEN_BACK,
        "change",
    ),
    ({"smalltalk", "help", "product_question", "review_question", "out_of_scope"}, _GET_IT, "add"),
    ({"smalltalk", "help", "product_question", "review_question", "refine"}, THE_OTHER_TOO, "add"),
    ({"product_question", "review_question", "search", "refine"}, CAN_I_GET_SO_MANY, "add"),
    ({"product_question", "search", "refine", "recommend"}, _COMPARE_FIRST, "compare"),
    ({"product_question", "search", "refine", "recommend", "review_question"}, _VERSUS, "compare"),
    ({"search", "refine", "recommend"}, _WHICH_VERSIONS, "product_question"),
    ({"add", "change"}, _NOT_MEANT_TO_ADD, "remove"),
    # («show me 2 more options like it» heard as a count: no change either)
    ({"add"}, _SHOW_ME, "search"),
    ({"change"}, _SHOW_ME, "recommend"),
    ({"help", "smalltalk", "product_question", "policy_question"}, _HOW_TO_TRACK, "order_status"),
    ({"change", "product_question", "refine", "search"}, _SO_MANY_MORE_OF, "add"),
    ({"change", "product_question", "refine", "search", "help", "smalltalk"}, _ONE_MORE_IN, "add"),
    ({"product_question", "compare", "refine", "search"}, _SO_MANY_OF_EACH_OF, "add"),
    # (heard as a change, «2 of em» just after adding one makes it 2: not heard again)
    ({"refine", "search", "recommend", "smalltalk", "help"}, _SO_MANY_OF_THOSE, "add"),
    (
        {"product_question", "review_question", "search", "refine", "recommend", "compare"},
        _AND_SO_MANY_OF_THE,
        "add",
    ),
    ({"compare", "refine", "search", "recommend"}, _QUICKEST_OF_A_KIND, "catalogue_question"),
    ({"compare", "product_question", "search", "refine"}, _MEANT_THE_OTHER, "change"),
    (CART_CHANGING - {"cancel_order"}, _CANCEL_MY_ORDER, "cancel_order"),
    ({"return"}, INTO_CART, "add"),  # «could you put the board game back in my cart?»
    ({"ask_confirm"}, _WHATS_IN_IT, "view_cart"),  # «just tell me whats in the order»
    (_NOT_A_QUESTION, _IF_EXCHANGED, "policy_question"),
    # («and if they turn out rubbish can i send them back» heard as a return: the rule asked;
    # not «if possible, can i return the echofox one?», a return asked for)
    ({"return"}, _IF_A_CASE_EXCHANGED, "policy_question"),
    # «the price stays the same if I remove the roller?»: the totals
    ({"add", "change", "remove"}, _IF_I_CHANGE, "view_cart"),
]


def _about_the_order(request: Request) -> str | None:
    """«Cancel my order» beside a remark cancels; «if he wants blue, can he exchange them?»
    asks the rule; «fine, check out again» checks out (None: none of these)."""
    for words, act in _SURE_WHATEVER_HEARD:
        if words.search(request.text) and not (
            act == "remove" and _A_FILTER_DROPPED.search(request.text)  # «drop the colour filter»
        ):
            return act
    for heard, words, act in _HEARD_AS:
        if request.act in heard and words.search(request.text):
            return act
    if (
        request.act in {"product_question", "review_question", "search", "refine", "compare"}
        and _SWAP_ASKED.search(request.text)
        and not IF_I_WANTED.search(request.text)
    ):
        return "change"
    held = request.act == "view_cart" and AMOUNT_HELD.search(request.text)
    if (
        request.act not in CART_CHANGING
        and MORE_FOR_FREE.search(request.text)
        and not AMOUNT_HELD.search(request.text)
    ):
        return "view_cart"  # what the cart itself lacks, not the rule alone
    if (held and SHOP_MONEY.search(request.text)) or (
        request.act in {"product_question", "search"} and _SHIPPING_COST.search(request.text)
    ):  # «i have like 45 in my cart, how much more for free shipping?», «delivery on that?»
        return "policy_question"
    if request.act in {"review_question", "smalltalk", "help"} and _WHO_SELLS.search(request.text):
        return "product_question"  # «and who actually sells it?»: the catalogue says
    if request.act == "compare" and _SENT_BACK.search(request.text):
        return "product_question"  # «I got the X and a Y … can I send both back?»: each one's
    asked = {"product_question", "search", "recommend"}
    if (request.act in asked and _ANY_GOOD.search(request.text)) or (
        request.act in asked | {"compare", "refine", "smalltalk", "help"}
        and _STARS_TRUSTED.search(request.text)
    ):
        return "review_question"
    return None


# «oh i guess it didnt go through. add the Chargewell Studio 200 car mount for galaxy s24»:
# a remark, then a sentence that adds a thing named
_ADD_SENTENCE_LAST = re.compile(
    r"^[^?]*?[.!;]\s+(?P<ask>(?:(?:ok|okay|so|then|please|pls|just)\s+)*add\s+(?:the|a|an|\d+|"
    r"two|three)\s+[^.!?]{3,100}?)\s*[.!]*$",
    re.I,
)


_THE_OTHER_FEW = re.compile(r"\bthe other (?:two|2|three|3)\b", re.I)


def _story_ending(request: Request) -> Request:
    """The closing «please just add the X to my cart» of a long story, as the request; the
    closing «add the X» after a remark, heard as a question or a search."""
    closing = _ADD_AT_THE_END.search(request.text)
    if closing is None or len(request.text.split()) <= _LONG_STORY_WORDS:
        last = _ADD_SENTENCE_LAST.search(request.text)
        if last and request.act in {"add", "search", "product_question", "smalltalk", "help"}:
            # the sentence alone says add: as sure as any plain «add the X»; a word or two
            # before it are the version said first («blue. add 2 pairs»)
            before = request.text[: last.start("ask")].strip(" .!;")
            ask = f"{last['ask']}, {before}" if len(before.split()) <= 2 else last["ask"]
            if _THE_OTHER_FEW.search(last["ask"]):
                ask = f"{before}. {last['ask']}"  # «the auralpeak is over my budget. add the
                # other two»: which one the others leave out is said before
            return Request(ask, "add", max(request.confidence, SURE_ENOUGH))
        return request
    return Request(closing["ask"], "add", request.confidence)


# «bassline noise cancelling headphones in navy. add»: the thing, then a bare «add»
ADD_AT_THE_END = re.compile(
    r"\w\W*[.,;!-]\s*(?:(?:ok|okay|pls|please|and)\s+)?(?:add(?: (?:it|them|that|one|that one))?"
    r"(?: (?:to|in(?:to)?) (?:my |the )?(?:cart|basket|bag))?"
    r"|(?:in the |into the )?(?:basket|cart) (?:it|them|pls|please))"
    r"(?:\s+(?:pls|please|cheers|thanks|ta))?\W*$",
    re.I,
)
_HEARD_AS_ASKING = {
    "search",
    "product_question",
    "review_question",
    "smalltalk",
    "help",
    "recommend",
}


_WHEN_PLACED = re.compile(
    r"^\W*(?:(?:so|and|ok|okay|but)\W+)*when (?:exactly )?(?:is|does|will|would) (?:my|an|the) "
    r"order (?:actually )?(?:get |be )?placed\b",
    re.I,
)


def _added_at_the_end(request: Request) -> Request:
    """«bassline noise cancelling headphones in navy. add»: an add, whatever it sounded like;
    «eh go with the max s for pixel 9»: so is a pick said as one."""
    if request.act in _HEARD_AS_ASKING and ADD_AT_THE_END.search(request.text):
        return Request(request.text, "add", request.confidence, implied=True)
    if request.act in _HEARD_AS_ASKING | {"refine"} and _GO_WITH.match(request.text):
        return Request(request.text, "add", max(request.confidence, SURE_ENOUGH))
    return request


# «eh go with the max s for pixel 9», «ok ill take the quietude»: a pick, said as one (not
# «take the X out», not asked «go with the blue?»)
_GO_WITH = re.compile(
    r"^\W*(?:(?:eh|ok|okay|hmm+|fine|right|alright|so|well|yeah|yep|then)\W+)*"
    r"(?:i'?ll\s+|ill\s+|i will\s+|let'?s\s+|lets\s+)?(?:go with|go for|take)\s+"
    r"(?:the|that|this|those|these)\b(?![^?]*\?)(?![^,.;]*\b(?:out|off|away|back)\b)",
    re.I,
)
# «ok ill take the quietude, 60 day returns if it doesnt work right?»: the pick, then a question
_TAKEN_THEN_ASKED = re.compile(
    r"^(?P<pick>\W*(?:(?:eh|ok|okay|hmm+|fine|right|alright|so|well|yeah|yep)\W+)*"
    r"(?:i'?ll|ill|i will|let'?s|lets)\s+(?:go with|go for|take|get|grab|have)\s+"
    r"(?:the|that|this)\b[^,.;?]*?(?<!\bout)(?<!\boff))\s*[,.;]\s*(?P<asked>[^,.;]*\?)\s*$",
    re.I,
)

# «eh get me both. how much altogether?», «ok both then. how much altogether?»: a group of
# those in view taken (or «same again, and how much altogether?»), then a question; a taking
# word is needed («both, in stock?», «all of them. which is cheapest?» only ask)
_GROUP_TAKEN_THEN_ASKED = re.compile(
    r"^(?P<pick>\W*(?:(?:eh|ok|okay|hmm+|fine|right|alright|so|well|yeah|yep)\W+)*"
    r"(?P<take>(?:get|grab|give)\s+me\s+|(?:i'?ll|ill|i will)\s+(?:take|have|get)\s+|add\s+)?"
    r"(?P<group>both(?:\s+of\s+(?:them|those|these))?|all\s+(?:three|3|four|4|of\s+them)|"
    r"one\s+of\s+each|same\s+again)(?P<then>(?:\s+(?:then|please|pls|plz))*))\s*[,.;!]\s*"
    r"(?:and\s+)?(?P<asked>[^,.;]*\?)\s*$",
    re.I,
)


def taken_then_asked(
    request: Request, heard: Callable[[str], Request], listed: int = 0
) -> list[Request]:
    """«ok ill take the quietude, 60 day returns if it doesnt work right?»: an add of the
    one picked, then the question (as `heard` hears it alone), however the whole was heard;
    «eh get me both. how much altogether?» likewise, of a group the size of the list in view
    (`listed` products); else the request alone."""
    said = _TAKEN_THEN_ASKED.match(request.text)
    if said is not None and request.act not in _HEARD_AS_ASKING | {"policy_question"}:
        said = None
    # («same again, and how much altogether?» is taken however it was heard)
    said = said or _group_taken(request.text, listed)
    if said is None:
        return [request]
    asked = heard(said["asked"].strip())
    if asked.act in CART_CHANGING | {"confirm", "decline"}:
        asked = Request(asked.text, request.act, request.confidence, request.runner_up)
    return [Request(said["pick"].strip(), "add", max(request.confidence, SURE_ENOUGH)), asked]


def _group_taken(text: str, listed: int) -> re.Match[str] | None:
    """«ok both then. how much altogether?» beside two listed: the group taken, and the ask."""
    said = _GROUP_TAKEN_THEN_ASKED.match(text)
    if said is None:
        return None
    group = re.sub(r"\s+of\s+(?:them|those|these)$", "", said["group"].lower())
    if group == "same again":
        return said
    if not (said["take"] or said["then"].strip()):
        return None  # «both, in stock?»: asked of both, nothing taken
    words = group.split()  # «both», «all three»
    size = 2 if words == ["both"] else GROUP_SIZES.get(words[-1]) if words[0] == "all" else None
    fits = listed == size if size else 2 <= listed <= 4  # «all of them», «one of each»
    return said if fits else None


def _only_asks_what_was_added(text: str) -> bool:
    """«did you add 2 of them?» alone; not «did you add the small one? i wanted medium»."""
    said = _DID_YOU_ADD.search(text)
    return said is not None and not re.search(r"[?.!]\s*\w", text[said.end() :])


_ONE_MORE_FOR_ONE = re.compile(
    r"^\W*(?:(?:and|plus|also|oh|ok|okay)\W+)*(?:one|1|another)\s+more\s+for\s+"
    r"(?:my|our|his|her|their|your|the)\s+[\w']+(?:\s+[\w']+)?"
    r"(?:\s+(?:too|as well|please|pls))?\W*$",
    re.I,
)

# «would it make a nice gift?», «is this a good present for a 10 year old?»: of the one in view,
# not a search for gifts (not «would it be possible to …»)
_ASKED_OF_IT = re.compile(
    r"^\W*(?:(?:and|so|but|hmm+|ok|okay|also|then)\W+)*(?:would|will|is|does|could)\s+"
    r"(?:it|this|that)(?:\s+one)?\s+(?!be possible|possible)(?:make|be|do|work|suit|"
    r"a|an|good|nice|ok|okay|great|suitable|decent)\b"
    # (not «is it a good idea to get a weighted blanket for my mum?», «would it be a nice gift
    # to get my dad headphones?», «… if not suggest something else»: advice, a search)
    r"(?![^?]*\b(?:idea|to (?:get|buy|give|order|gift)|suggest|recommend|looking for|"
    r"something else|anything else)\b)",
    re.I,
)

_REVIEWS_SUMMED = re.compile(REVIEWS_SUMMED, re.I)
# «one more for me please», «and 2 more»: more units (not «one more thing», «one more question»)
_MORE_UNITS = re.compile(
    r"^\W*(?:(?:and|plus|also|oh|ok|okay|actually|wait|hmm+|yeah|yes)\W+)*"
    r"(?:one|1|another|[2-9]|two|three|four|five|a couple)\s+more\b"
    r"(?!\s+(?:thing|things|question|questions|time|q|sec|secs|second|seconds|min|mins|minute|"
    r"minutes|hour|hours|day|days|week|info|detail|details|size|sizes|colou?r|colou?rs|up|down|"
    r"bigger|smaller|step)\b)(?![^?]*\?)",
    re.I,
)
# «actually drop 2 of them», «take one of those out»: that many units out, never a line set to it
_SO_MANY_OUT = re.compile(
    r"^\W*(?:(?:actually|ok|okay|and|so|hmm+|wait|no|oh|pls|please|can you|could you)\W+)*"
    r"(?:drop|remove|take|lose|ditch|knock off|cut)\s+(?:out\s+|off\s+)?"
    r"(?:\d+|one|two|three|four|five|a couple)\s+(?:of\s+(?:them|those|these|it|the\s+[\w -]+?)"
    r"(?:\s+(?:out|off))?)(?:\W+(?:please|pls|then|thanks))*\W*$",
    re.I,
)


# «ok, drop the colour filter», «just remove the gift note»: a filter or a note let go, no line
_A_FILTER_DROPPED = re.compile(
    r"\b(?:drop|remove|delete|get rid of|ditch|lose|forget|take off|clear)\s+(?:the|that|my|those|"
    r"these|any)\s+(?:[\w-]+\s+){0,2}(?:filters?|requirements?|restrictions?|limits?|caps?|budget|"
    r"notes?|message|attitude|sorting)\b",
    re.I,
)


def _filter_let_go(request: Request) -> Request:
    """«ok, drop the colour filter» heard as a cart change: a narrowing let go, no line out."""
    if request.act in CART_CHANGING and _A_FILTER_DROPPED.search(request.text):
        return Request(request.text, "refine", request.confidence)
    return request


def _asked_not_done(request: Request) -> str | None:
    """«how much would 4 of them cost? not adding» heard as a change: a price asked; «can i
    send them back …?», «a sample?» heard as help or a search: the shop's rule."""
    if (
        request.act in {"add", "change"}
        and COUNT_PRICED.search(request.text)
        and not _A_CART_VERB_FIRST.search(request.text)
    ):
        return "product_question"
    if request.act in {"help", "smalltalk", "out_of_scope"} and _RETURN_ASKED.search(request.text):
        return "policy_question"
    if request.act in _SAMPLES_HEARD_AS and FREE_THINGS.search(request.text):
        return "policy_question"
    return None


def _not_what_it_sounds(request: Request) -> str | None:
    """«I'll take both» heard as a removal keeps them (the cart is shown); «the X or
    something cheaper» heard as an add is still choosing (a search); «you didnt add the X by
    accident did you» asks what the cart holds; «get her the pink one» heard as a question
    adds it."""
    if request.act == "remove" and I_TAKE.search(request.text):
        return "view_cart"
    if asked := _asked_not_done(request):
        return asked
    if request.act in CART_CHANGING and _only_asks_what_was_added(request.text):
        return "view_cart"
    if request.act == "review_question" and _LISTED_BY_REVIEWS.search(request.text):
        return "search"  # «show me trekking poles with more reviews»: a list
    if request.act in _GOT_FOR_SOMEONE_HEARD_AS and _GET_THEM_THE.match(request.text):
        return "add"  # «ugh ok get her the pink one for iphone 16 then»
    if request.act not in {"review_question", "product_question"} and _REVIEWS_SUMMED.search(
        request.text
    ):
        return "review_question"  # «sum up the reviews»: no checkout summary, no help
    if request.act == "change" and _SO_MANY_OUT.match(request.text):
        return "remove"
    if request.act == "change" and _MORE_UNITS.match(request.text):
        return "add"  # «one more for me please»: one more, never the line set to one
    if request.act in {"recommend", "search"} and _ASKED_OF_IT.search(request.text):
        asked = request.runner_up in {"product_question", "review_question"}
        return request.runner_up if asked else "product_question"
    if request.act in {"add", "change", "help", "smalltalk"} and _ONE_MORE_FOR_ONE.match(
        request.text
    ):
        return "add"  # «and 1 more for my bf», however unsure it sounded
    return "search" if request.act == "add" and _OR_ELSE.search(request.text) else None


def _asked_of_checkout(request: Request) -> str | None:
    """What a «checkout» only asks about: «if I order now, when …» (the items), «nothing's
    ordered yet right?» (the orders, none placed by asking)."""
    if request.act != "checkout":
        return None
    if IF_I_ORDER.search(request.text) and (
        ASKS.search(request.text) or _ASKED_AFTER.search(IF_I_ORDER.sub("", request.text))
    ):
        return "product_question"
    return "order_status" if _ORDERED_YET.search(request.text) else None


def checked(request: Request) -> Request:
    """Orders are sacred: an unsure change is not made, and a yes must sound like one."""
    request = _filter_let_go(_added_at_the_end(_story_ending(request)))
    asked = _WHEN_PLACED.search(request.text)  # «so when exactly is my order placed»: the rule
    if request.act not in {"cancel_order", "return"} and OWN_ORDER_STATE.search(request.text):
        act = "policy_question" if asked else "order_status"
        return Request(request.text, act, request.confidence)
    if (
        REVIEW_RULES.search(request.text)
        or ABROAD.search(request.text)
        or (
            # «can you keep it for me until the 24/12?» read as off-topic asks the shop's rule too
            request.act not in ANSWERS_ELSEWHERE - {"out_of_scope"}
            and SHOP_SERVICE.search(request.text)
        )
        or (
            request.act in {"order_status", "add", "change"}
            and ORDER_CHANGE_ASKED.search(request.text)  # «can i add another thing to that order»
        )
    ):
        return Request(request.text, "policy_question", request.confidence)
    if act := _about_the_order(request):
        return Request(request.text, act, request.confidence)
    if act := _asked_of_checkout(request):
        return Request(request.text, act, request.confidence)
    if (
        (request.act in EMPTIED_BY and EMPTY_THE_CART.search(request.text))
        or (request.act in {"change", "add"} and _TAKE_OUT_FIRST.search(request.text))
        or (request.act in _TAKE_OUT_HEARD_AS and _TAKE_OUT_LAST.search(request.text))
    ):
        return Request(request.text, "remove", request.confidence)  # "empty my basket"
    if act := _not_what_it_sounds(request):
        return Request(request.text, act, request.confidence)
    unsure = request.confidence < SURE_ENOUGH and not _SWAP_ASKED.search(request.text)
    if request.act in CART_CHANGING and unsure:  # «ok swap it for the X» is sure enough
        runner_up = request.runner_up or "help"
        act = runner_up if runner_up not in CART_CHANGING else "help"
        if request.act in {"cancel_order", "return"} and IF_I_WANTED.search(request.text):
            act = "policy_question"  # «can i still cancel if…?»: asked about, however unsure
        # a runner-up «yes» must sound like one too: «can you repeat the summary? which size
        # is it» (an unsure change, then confirm) places nothing
        return checked(Request(request.text, act, request.confidence))
    if request.act == "confirm" and ADD_FIRST.search(request.text):
        return Request(request.text, "add", request.confidence)  # «hmm add the X too so…»
    if request.act == "confirm" and NOT_ONLY_YES.search(request.text):
        # "ok but when would it arrive?" asks something: the summary stays pending.
        runner_up = request.runner_up or "ask_confirm"
        act = (
            runner_up if runner_up not in {"confirm", "decline"} | CART_CHANGING else "ask_confirm"
        )
        act = "view_cart" if _WHATS_IN_IT.search(request.text) else act  # «… whats in it»
        return Request(request.text, act, request.confidence)
    if (
        request.act == "confirm"
        and not AFFIRMATIVE.search(request.text)
        and request.confidence < SURE_CONFIRM
    ):
        return Request(request.text, "ask_confirm", request.confidence)
    return request


# «eh its 15 bucks. checkout», «ok im in the US anyway. checkout»: a remark before a bare
# checkout asks nothing of its own (not «is it final sale? checkout», «add the red. checkout»)
_REMARK_ACTS = frozenset(
    {"product_question", "policy_question", "search", "recommend", "catalogue_question", "refine"}
)
_ASKS = re.compile(
    r"\?|^\W*(?:(?:ok|okay|so|and|but|oh|hmm+|eh|also|wait|actually)\W+)*(?:what|whats|how|hows|"
    r"is|are|does|do|did|can|could|will|would|which|when|where|why|who|any|tell|show|compare|"
    r"find|got|have you|need|looking|i need|i want|want)\b",
    re.I,
)


# a remark says how the shopper sees it («its 15 bucks», «im in the US anyway», «close enough»),
# not what to do («black.», «size 9.», «gift wrap it please.»)
_REMARK = re.compile(
    r"^\W*(?:(?:eh|ok|okay|fine|well|hmm+|meh|ugh|oh|right|alright|yeah|sure|cool|great)\W+)*"
    r"(?:it'?s|its|im|i'?m|that'?s|thats|they'?re|theyre|this is|whatever|close enough|good "
    r"enough|fair enough|risky but ok|worth it|no worries|all good|never mind|nvm)\b",
    re.I,
)


def checkout_after_a_remark(requests: list[Request]) -> list[Request]:
    """The requests without remarks said before a bare «checkout» that ends the message."""
    if len(requests) < 2 or not _ONLY_CHECKOUT.match(requests[-1].text):
        return requests
    kept = [
        request
        for request in requests[:-1]
        if request.act not in _REMARK_ACTS
        or _ASKS.search(request.text)
        or not _REMARK.match(request.text)
    ]
    return [*kept, requests[-1]]
