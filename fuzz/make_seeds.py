"""Write the fuzz seed corpus (``fuzz/seeds/``) and the libFuzzer dictionary (``fuzz/claimx.dict``).

Run ``uv run python fuzz/make_seeds.py`` after changing this file; the outputs are committed.
Every Arabic sentence here was written for the fuzz corpus: no news text is copied.
"""

from __future__ import annotations

import codecs
import contextlib
import json
import random
from pathlib import Path

FUZZ_DIR = Path(__file__).resolve().parent
SEEDS = FUZZ_DIR / "seeds"
DICTIONARY = FUZZ_DIR / "claimx.dict"

SENTENCES = [
    "قال رئيس البلدية إن أعمال الصيانة في الشارع الرئيسي ستنتهي يوم الأحد.",
    "ونفت مصادر في النادي أن يكون المدرب قد استقال، مؤكدة أنه باقٍ حتى نهاية الموسم.",
    "وبحسب شهود عيان، فإن الحريق بدأ في المخزن قبل منتصف الليل.",
    "لم ينفِ المتحدث باسم الشركة وجود خلاف مع الموردين.",
    "«الطريق سيفتح غداً»، قال مسؤول في إدارة المرور لوكالة محلية.",
    "لا تزال مصادر \"اللجنة\" تنفي الخبر، وتؤكد، عبر \"النشرة\"، أن الاجتماع تأجل.",
    "وتشير هذه المصادر إلى أن المفاوضات ستستأنف الأسبوع المقبل.",
    "من وجهة نظر الخبراء، فإن الأسعار لن تنخفض قريباً.",
    "وفقاً لـ\"الهيئة\"، بلغ عدد الزوار ١٢٠٠ زائر في عام 2023.",
]
ARTICLE = " ".join(SENTENCES)
NOISY = (
    "قال\u0640\u0640 الوزير\u200f إنّ\u00a0المدرسة \u202bستفتح\u202c غداً.\r\n"
    "أكّد\u200d الناطق باسم\u200c البلدية: «العمل\u2067 انتهى\u2069».\r"
    "نفى\u200b المدير 👍🏽 الخبر\u000b\u001f، وقال إنه \"غير صحيح\n"
)

# Byte strings libFuzzer may splice into inputs (written as its dictionary).
TOKENS_TEXT = [
    "قال", "أكد", "نفى", "تنفي", "وتشير إلى أن", "بحسب", "وفقاً لـ", "من وجهة نظر", "لا تزال",
    "لم ينفِ", "مصادر", "هذه المصادر", "أن", "إنه", "«", "»", "\"", "“", "”", ":", "،", ".",
    "\u0640", "\u064b", "\u064e", "\u0650", "\u0651", "\u0652", "\u200b", "\u200c", "\u200d",
    "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067",
    "\u2068", "\u2069", "\u00a0", "\ufeff", "\u00ad", "\u2028", "😀", "👨\u200d👩\u200d👧", "ﻻ",
    # whole constructions
    "قال الوزير إن ", "أكدت المصادر أن ", ": «", "»، ", "، بحسب ", "في بيان", "عبر \"",
    "لوكالة ", "نفى الخبر", "قائلاً: \"",
]
TOKENS_BYTES = [
    codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, b"\r\n", b"\r", b"\n", b"\x00",
    b"\x01", b"\x1b", b"\x7f", b"\x85", b"\xc0\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80",
    b"\xff", b'{"id": "', b'", "text": "', b'"}\n', b"\\u0000", b"\\ud800", b"\\udc00",
    b"\\ufeff", b"\\n", b"\\r", b'\\"', b"null", b"[]", b"{}", b"1e999",
]


def _escape(data: bytes) -> str:
    """libFuzzer dictionary syntax: printable ASCII as is, everything else as \\xNN."""
    out = []
    for byte in data:
        if byte in (0x22, 0x5C) or not 0x20 <= byte < 0x7F:
            out.append(f"\\x{byte:02x}")
        else:
            out.append(chr(byte))
    return "".join(out)


def dictionary_entries() -> list[bytes]:
    entries: list[bytes] = []
    for token in TOKENS_TEXT:
        entries.append(token.encode("utf-8"))
        with contextlib.suppress(UnicodeEncodeError):
            entries.append(token.encode("cp1256"))
    entries.extend(TOKENS_BYTES)
    return list(dict.fromkeys(entries))


def seeds() -> dict[str, bytes]:
    rng = random.Random(20240501)
    damaged = bytearray(ARTICLE.encode("utf-8"))
    damaged[40] = 0xFF
    damaged[200] = 0xC3
    jsonl = "\n".join(
        [
            json.dumps({"id": "a1", "text": SENTENCES[0]}, ensure_ascii=False),
            json.dumps({"id": 2, "text": SENTENCES[3]}),
            '{"id": "bad", "text": 3}',
            "not json",
            json.dumps({"text": NOISY}, ensure_ascii=False),
        ]
    ).encode("utf-8")
    return {
        "utf8.txt": ARTICLE.encode("utf-8"),
        "utf8-bom.txt": codecs.BOM_UTF8 + SENTENCES[1].encode("utf-8"),
        "utf16le-bom.txt": codecs.BOM_UTF16_LE + SENTENCES[2].encode("utf-16-le"),
        "utf16be-bom.txt": codecs.BOM_UTF16_BE + SENTENCES[4].encode("utf-16-be"),
        "utf16le-no-bom.txt": SENTENCES[0].encode("utf-16-le"),
        "cp1256.txt": " ".join(SENTENCES[:4]).encode("cp1256"),
        "cp1256-short.txt": "نفى الوزير".encode("cp1256"),
        "noisy-utf8.txt": NOISY.encode("utf-8"),
        "damaged-utf8.txt": bytes(damaged),
        "latin1.txt": "Le ministre a déclaré que la route était fermée.".encode("latin-1"),
        "nul.txt": SENTENCES[5].encode("utf-8") + b"\x00" + b"tail",
        "whitespace.txt": b" \t\r\n\x0b\x0c",
        "controls.txt": b"\x01\x02\x03 " + SENTENCES[6].encode("utf-8") + b"\x1b[0m\x7f",
        "binary.bin": bytes(rng.randrange(256) for _ in range(512)),
        "binary-no-nul.bin": bytes(rng.randrange(1, 256) for _ in range(300)),
        "one-control.txt": ARTICLE.encode("utf-8").replace(b" ", b" \x07 ", 1),
        "corpus.jsonl": jsonl,
    }


def main() -> None:
    SEEDS.mkdir(exist_ok=True)
    for name, data in seeds().items():
        (SEEDS / name).write_bytes(data)
    lines = ["# libFuzzer dictionary for fuzz/fuzz_decode.py (generated by fuzz/make_seeds.py)"]
    lines += [f'"{_escape(entry)}"' for entry in dictionary_entries()]
    DICTIONARY.write_text("\n".join(lines) + "\n", encoding="ascii")
    print(f"wrote {len(seeds())} seeds to {SEEDS} and {len(lines) - 1} entries to {DICTIONARY}")


if __name__ == "__main__":
    main()
