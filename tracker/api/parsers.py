"""Request body parsers: JSON only, no deeper than the API's own shapes need."""

from rest_framework import parsers
from rest_framework.exceptions import ParseError

# The deepest body the API takes nests three levels (an object holding a list of ids); this leaves room to spare.
MAX_JSON_DEPTH = 32


def nesting_depth(value, *, limit: int) -> int:
    """How deeply ``value`` nests lists and objects, counted without recursion; stops counting past ``limit``."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, depth)
        if deepest > limit:
            break
        stack.extend((child, depth + 1) for child in children)
    return deepest


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser, answering a body nested deeper than ``MAX_JSON_DEPTH`` with a 400.

    The standard library's decoder recurses once a level: about a thousand levels of ``[`` raised RecursionError,
    a 500, for anyone allowed to write.
    """

    def parse(self, stream, media_type=None, parser_context=None):
        message = f"JSON parse error - the body nests lists and objects more than {MAX_JSON_DEPTH} levels deep."
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(message) from None
        if nesting_depth(data, limit=MAX_JSON_DEPTH) > MAX_JSON_DEPTH:
            raise ParseError(message)
        return data
