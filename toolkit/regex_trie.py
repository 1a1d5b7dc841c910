"""A regex alternation of many literal words written as a trie.

``re`` tries the branches of ``a|b|c...`` one after another at every place of a text; the
same words as a trie ("(?:ab(?:c)?|b(?:cd|e))") cost one branch per letter, whatever their
number. Both accept the same strings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie(words: Iterable[str]) -> str:
    """A pattern matching exactly ``words`` (literally); a longer word is tried first."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def branch(node: dict) -> str:
        options = [re.escape(char) + branch(child) for char, child in sorted(node.items()) if char]
        if not options:
            return ""
        body = options[0] if len(options) == 1 else f"(?:{'|'.join(options)})"
        return f"(?:{body})?" if "" in node else body

    return branch(root)
