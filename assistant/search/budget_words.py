"""How shoppers say a budget ceiling in words: «nothing over 30», «rather not spend more than
$150», «we've got about $80 in the kitty» (the parser's price patterns build on these)."""

from __future__ import annotations

AMOUNT = r"(\d{1,7}(?:[.,]\d{1,2})?)(?!\d)"
FILLER = r"(?:(?:like|about|around|roughly)\s+)?"
# «nothing over 30», «don't want to spend more than 60»: a negated «over» is a ceiling.
NOT_OVER = (
    # «not spending more than 70», «no paying over 50»: a ceiling, however it is said
    r"(?:nothing|not|no|never)\s+(?:(?:spending|paying|going)\s+)?"
    r"(?:over|above|more than|higher than|dearer than|pricier than)"
    r"|(?:don'?t|do not|can'?t|cannot|won'?t|wont|dont)\s+(?:want to\s+|wanna\s+)?"
    r"(?:spend|pay|go)\s+(?:more than|over|above|beyond)"
    r"|rather\s+not\s+(?:spend|pay|go)\s+(?:more than|over|above|beyond)"
)
# «we've got about $80 in the kitty», «I have £40 to spend»: money one has is a ceiling;
# not «I've got $10 off», «I have $40 in the cart», «4 to play with»
MONEY_HELD = (
    rf"(?:got|have|has)\s+{FILLER}[$£€]\s?{AMOUNT}(?!\s*(?:off|in (?:the|my) (?:cart|basket)|"
    r"(?:of |in )?(?:credit|gift|voucher|coupon)))"
    rf"|(?:[$£€]\s?{AMOUNT}|{AMOUNT}\s*(?:dollars?|bucks|quid|euros?|pounds?))"
    r"\s+(?:to spend|in the kitty)\b"
)
