"""The closed classes of function_words.toml are used as written, so they must be written as
tokens are normalised."""

from claimx.extraction.tokenize import normalize
from claimx.extraction.words import function_words


def test_function_words_are_written_normalised() -> None:
    for name, words in function_words().items():
        for word in words:  # a table: its words are its keys
            assert normalize(word) == word, (name, word)
