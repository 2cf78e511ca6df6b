"""The parser: strip portal chrome from a page, keep the article, report visitor counters.

Public surface: `parse_page(page) -> ParseResult` (article and optional traffic),
`NoArticle` (a `NotAnArticle` that may carry traffic), `PARSER_VERSION`.
"""

from services.parser.parse import PARSER_VERSION, NoArticle, ParseResult, parse_page

__all__ = ["PARSER_VERSION", "NoArticle", "ParseResult", "parse_page"]
