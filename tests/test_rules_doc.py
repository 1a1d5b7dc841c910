from tools.rules_doc import DOC_PATH, render


def test_rules_doc_is_up_to_date():
    assert DOC_PATH.read_text(encoding="utf-8") == render(), "run: python -m tools.rules_doc"
