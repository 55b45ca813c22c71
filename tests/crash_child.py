"""A shopper's checkout in its own process, so a test can SIGKILL it at a named step."""

import sys

from assistant.catalogue.loader import load_catalogue
from assistant.commerce import CommerceService, Confirmation
from assistant.storage.engine import Store
from tests.conftest import TINY_CATALOGUE

if __name__ == "__main__":
    database_url = sys.argv[1]
    catalogue, _ = load_catalogue(TINY_CATALOGUE)
    service = CommerceService(Store(database_url), catalogue)
    service.add_item("ann", "T2", 2)
    summary = service.start_checkout("ann")
    order = service.confirm_checkout(
        summary.checkout_id,
        Confirmation(source="shopper_reply", shopper_id="ann", evidence="yes please"),
    )
    print(order.order.order_id, flush=True)
