"""bot.rasa.server's fix keeps Rasa's validation of action-server responses exactly as strict."""

from __future__ import annotations

from typing import Any

import pytest
from jsonschema import ValidationError, validate
from rasa.core.actions.action import RemoteAction

from bot.rasa.server import install_fixes, validate_action_result

VALID: list[dict[str, Any]] = [
    {"events": [], "responses": []},
    {"events": [{"event": "slot", "name": "candidate_muscles", "value": ["temporalis"]}],
     "responses": [{"text": "hi", "buttons": [{"title": "Yes", "payload": "/affirm"}]}]},
    {"events": [{"event": "action_execution_rejected", "name": "x"}], "responses": [{"custom": {"data": {}}}]},
]
INVALID: list[dict[str, Any]] = [
    {"events": "not a list", "responses": []},
    {"events": [{"no_event_key": 1}], "responses": []},
    {"events": [], "responses": "text"},
    {"events": [{"event": 5}], "responses": []},
]


@pytest.mark.parametrize("result", VALID)
def test_valid_responses_pass_as_with_jsonschema_validate(result: dict[str, Any]) -> None:
    validate(result, RemoteAction.action_response_format_spec())
    assert validate_action_result(None, result) is True


@pytest.mark.parametrize("result", INVALID)
def test_invalid_responses_fail_with_the_same_error_as_jsonschema_validate(result: dict[str, Any]) -> None:
    with pytest.raises(ValidationError) as upstream:
        validate(result, RemoteAction.action_response_format_spec())
    with pytest.raises(ValidationError, match="Failed to validate Action server response") as ours:
        validate_action_result(None, result)
    assert ours.value.message.startswith(upstream.value.message)
    assert list(ours.value.path) == list(upstream.value.path)


def test_installed_on_rasas_remote_action() -> None:
    original = RemoteAction._validate_action_result
    try:
        install_fixes()
        action = RemoteAction("action_x", None)
        assert action._validate_action_result({"events": [], "responses": []}) is True
        with pytest.raises(ValidationError):
            action._validate_action_result({"events": "nope", "responses": []})
    finally:
        RemoteAction._validate_action_result = original  # type: ignore[method-assign]
