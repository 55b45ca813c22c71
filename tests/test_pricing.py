from decimal import Decimal

from assistant.commerce.pricing import PricingRules, compute_totals


def test_shipping_is_free_from_the_threshold():
    rules = PricingRules(free_shipping_from_minor=5000, shipping_fee_minor=499)
    assert compute_totals([(1, 4999)], "USD", rules).shipping_minor == 499
    assert compute_totals([(2, 2500)], "USD", rules).shipping_minor == 0
    assert compute_totals([], "USD", rules).total_minor == 0


def test_tax_rounds_half_up_on_minor_units():
    rules = PricingRules(tax_rate=Decimal("0.0825"), free_shipping_from_minor=0)
    totals = compute_totals([(3, 1999)], "USD", rules)
    assert totals.subtotal_minor == 5997
    assert totals.tax_minor == 495  # 494.75 rounds up
    assert totals.total_minor == 5997 + 495
