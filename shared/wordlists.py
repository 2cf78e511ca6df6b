"""Word lists as regular expressions that cost about one branch per letter.

re tries the branches of a plain alternation one by one, so with two hundred words every
position of a text paid for two hundred failed literals. A trie ("tin(?:, bài|/bài|…)?")
shares prefixes; its optional tails are greedy, so the longest word wins, as it does in
an alternation sorted longest first.
"""

from __future__ import annotations

import re


def alternation(words: list[str]) -> str:
    """A regex (no group of its own) matching any of `words`, the longest first."""
    trie: dict[str, dict] = {}
    for word in set(words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, dict]) -> str:
    branches = [re.escape(char) + _trie_pattern(child)
                for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    ends_here = "" in node
    body = branches[0] if len(branches) == 1 and not ends_here else f"(?:{'|'.join(branches)})"
    return body + "?" if ends_here else body
