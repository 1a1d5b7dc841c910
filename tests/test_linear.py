"""Work that must grow linearly with the input (issue 19, item 11): counted, not timed."""

from __future__ import annotations

from toolkit.document import Document


def test_name_context_counts_each_mentioned_place_once():
    from types import SimpleNamespace

    from toolkit.names import load_gazetteer
    from toolkit.names.context import Context

    gazetteer = load_gazetteer()
    baghdad = next(e for e in gazetteer.exact("Baghdad") if e.lat is not None)
    mosul = next(e for e in gazetteer.exact("Mosul") if e.lat is not None)
    mentions = [SimpleNamespace(entries=[baghdad]), SimpleNamespace(entries=[mosul])] * 50
    context = Context(gazetteer, mentions, [])
    assert len(context.places) == 2  # a place named 50 times is measured against once


def test_named_entity_recognition_skips_long_sentences_and_stops(monkeypatch):
    from toolkit.brief import facts

    seen = []

    class Pipeline:
        pipe_names = ("tok2vec", "ner")

        def pipe(self, texts, disable=(), batch_size=1000):
            assert list(disable) == ["tok2vec"]
            for text in texts:
                seen.append(text)
                yield type("Parsed", (), {"ents": ()})()

    monkeypatch.setattr("toolkit.nlp.english_pipeline", lambda: Pipeline())
    long = "(" * 5000 + "word" + ")" * 5000 + "."
    doc = Document(" ".join([long] + ["A short sentence about Mosul."] * 5000))
    facts._ner(doc)
    assert long not in seen
    assert sum(map(len, seen)) <= facts.NER_CHARS


def test_a_brief_reads_the_lead_of_a_huge_text(monkeypatch):
    import toolkit.brief as brief_module
    from toolkit.brief.clean import Cleaned

    read = []

    def identity(text, *options):
        read.append(len(text))
        return Cleaned(text, text, 0, ())

    monkeypatch.setattr(brief_module, "clean", identity)
    monkeypatch.setattr(brief_module, "entities", lambda doc, names: [])
    paragraph = "The river rose again in the northern city on Monday, officials said."
    text = "\n\n".join([paragraph] * 6000)
    assert len(text) > brief_module.BRIEF_CHARS
    result = brief_module.brief(text)
    assert read == [len(brief_module._lead(text))] and read[0] <= brief_module.BRIEF_CHARS
    assert text.startswith(result.text) and result.text.endswith("\n\n")
    assert result.note.startswith("briefed from the first ")
    assert brief_module.brief("A short text about the river rising again today.").note == ""


def test_spacy_loads_without_torch():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from toolkit.errors import ModelError\n"
        "from toolkit.nlp import english_pipeline\n"
        "try:\n"
        "    english_pipeline()\n"
        "except ModelError:\n"
        "    sys.exit(0)\n"
        "assert 'torch' not in sys.modules\n"
        "import importlib.util\n"
        "if importlib.util.find_spec('torch'):\n"
        "    import torch  # still importable afterwards\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_nearest_place_reads_only_the_places_near_in_latitude_and_stays_exact(monkeypatch):
    import math
    import random
    from types import SimpleNamespace

    from toolkit.names.context import Context

    rng = random.Random(7)
    places = [
        SimpleNamespace(lat=rng.uniform(-60, 70), lon=rng.uniform(-180, 180), type="city")
        for _ in range(400)
    ]
    context = Context.__new__(Context)
    context.places, context.nearest = places, {}
    read: list[float] = []
    cos = math.cos
    monkeypatch.setattr(math, "cos", lambda x: read.append(x) or cos(x))
    for place in places[:40]:
        key = id(place)
        lat1, lon1 = math.radians(place.lat), math.radians(place.lon)
        sin1, cos1 = math.sin(lat1), cos(lat1)
        brute = max(
            sin1 * sin2 + cos1 * cos2 * cos(lon2 - lon1)
            for _, ids, sin2, cos2, lon2 in context._points
            if ids != {key}
        )
        read.clear()
        assert context._closest(key, lat1, lon1) == brute
        assert len(read) < 120  # of 400 places: not every one


def test_respelled_names_skip_runs_inside_listed_names_by_bisection():
    from toolkit.names.resolve import _container

    spans = [(30, 40), (0, 10), (5, 25), (50, 52)]
    inside = _container(spans)
    for start in range(0, 60):
        for end in range(start + 1, 61):
            expected = any(s <= start and end <= e for s, e in spans)
            assert inside(start, end) == expected, (start, end)


def test_exact_name_look_ups_are_remembered_and_callers_get_their_own_list(monkeypatch):
    from toolkit.names import load_gazetteer

    gazetteer = load_gazetteer()
    first = gazetteer.exact("Mosul")
    first.clear()  # a caller's list is its own
    world = gazetteer.world
    if world is not None:
        monkeypatch.setattr(world, "exact", lambda key: (_ for _ in ()).throw(AssertionError))
    again = gazetteer.exact("MOSUL")  # same key: answered from memory
    assert again and any(e.canonical == "Mosul" for e in again)
