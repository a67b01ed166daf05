import dataclasses

import pytest

from planwatch.normalise.settings import NormaliseSettings
from planwatch.normalise.statuses import parse_status
from planwatch.normalise.vocabulary import Vocabulary, load_vocabulary


def test_settings_name_the_bad_setting():
    with pytest.raises(TypeError, match="normalise setting dates must be a DateSettings"):
        NormaliseSettings(dates={"day_first": True})
    with pytest.raises(TypeError, match="normalise setting vocabulary must be a Vocabulary"):
        NormaliseSettings(vocabulary={"done": "complete"})


def test_a_vocabulary_naming_an_unknown_status_is_refused():
    with pytest.raises(ValueError, match="unknown status 'finished' for 'done' in \\[statuses\\]"):
        Vocabulary(words=(("done", "finished"),), rag=(), rag_letters=())
    with pytest.raises(ValueError, match="'x' names 'mauve', which \\[rag\\] lacks"):
        Vocabulary(words=(), rag=(("red", "open"),), rag_letters=(("x", "mauve"),))


def test_settings_are_read_only_and_a_users_words_stay_with_their_settings(tmp_path):
    mine = tmp_path / "mine.toml"
    mine.write_text('[statuses]\ncomplete = ["ratified"]\n')
    theirs = NormaliseSettings.with_vocabulary_file(mine)
    with pytest.raises(dataclasses.FrozenInstanceError):
        theirs.vocabulary = load_vocabulary()  # type: ignore[misc]
    assert parse_status("Ratified", theirs).value == "complete"
    assert parse_status("Ratified").value is None  # the shipped words are unchanged

