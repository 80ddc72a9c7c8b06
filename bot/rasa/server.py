"""`python -m bot.rasa.server run ...`: Rasa's own command line, with one measured fix to Rasa 3.6.

Rasa checks every action-server response against its JSON schema with `jsonschema.validate`, which
first re-validates the schema itself against the draft 2020-12 meta-schema on every call: about
30 ms of CPU per custom action on this machine, a third of the Rasa server's time under load (seen
with py-spy). The fix validates with the same schema and the same error, through one validator built
once. Everything else is Rasa's unchanged `rasa` command, so every flag works as documented.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict

__all__ = ["install_fixes", "main"]

_DOCS_HINT = (". Failed to validate Action server response from API, make sure your response from the Action "
              "endpoint is valid. For more information about the format visit {docs}/custom-actions")


@lru_cache(maxsize=1)
def _response_validator() -> Any:
    """Rasa's response schema, checked once, as a ready validator of the schema's own draft."""
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def validate_action_result(_action: Any, result: Dict[str, Any]) -> bool:
    """What `jsonschema.validate` does, minus re-checking the schema: raise the best-matching error."""
    from jsonschema.exceptions import best_match
    from rasa.shared.constants import DOCS_BASE_URL

    error = best_match(_response_validator().iter_errors(result))
    if error is not None:
        error.message += _DOCS_HINT.format(docs=DOCS_BASE_URL)
        raise error
    return True


def install_fixes() -> None:
    """Swap in the cached validation (idempotent)."""
    from rasa.core.actions.action import RemoteAction

    RemoteAction._validate_action_result = validate_action_result


def main() -> None:
    """Run Rasa's command line with the fixes installed."""
    install_fixes()
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
