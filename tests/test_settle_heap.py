"""The server settles its start-up heap: later garbage collections skip what start-up built."""

import gc

from assistant.wiring import settle_heap


def test_settle_heap_keeps_what_is_alive_out_of_later_collections() -> None:
    kept = {"catalogue": list(range(10))}
    try:
        settle_heap()
        assert gc.get_freeze_count() > 0
        assert not any(obj is kept for obj in gc.get_objects())  # out of the collector's sight
        assert gc.get_count()[2] == 0
    finally:
        gc.unfreeze()
