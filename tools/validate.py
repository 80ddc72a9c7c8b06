"""`make validate`: Rasa's own data validation, strict, plus the checks it cannot make for this project.

Every sentence the assistant says is a response in domain/, and most are sent by custom actions
(`utter_message(response=...)`), which Rasa's validator cannot see: it would warn that those
responses are "not used in any story or rule". This runs Rasa's validator with every other warning
fatal, and replaces that one check with a better one: each response is used by a rule, a story or
an action, and each response an action names exists in the domain.
"""

from __future__ import annotations

import ast
import re
import sys
import warnings

from core.settings import PROJECT_ROOT

__all__ = ["action_response_names", "main"]

_UNUSED = re.compile(r"The utterance '(\w+)' is not used in any story or rule")
CODE_DIRS = ("actions", "bot")


def action_response_names(folders: tuple[str, ...] = CODE_DIRS) -> tuple[set[str], set[str]]:
    """Response names the code uses: exact names, and the constant prefixes of computed ones
    (f"utter_ask_{slot}" counts as the prefix "utter_ask_")."""
    names: set[str] = set()
    prefixes: set[str] = set()
    for folder in folders:
        for path in (PROJECT_ROOT / folder).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and \
                        re.fullmatch(r"utter_\w+", node.value):
                    (prefixes if node.value.endswith("_") else names).add(node.value)
                elif isinstance(node, ast.JoinedStr) and node.values:
                    first = node.values[0]
                    if isinstance(first, ast.Constant) and str(first.value).startswith("utter_"):
                        prefixes.add(str(first.value))
    return names, prefixes


def _domain_responses() -> set[str]:
    from core.files import load_yaml

    responses: set[str] = set()
    for path in sorted((PROJECT_ROOT / "domain").glob("*.yml")):
        responses |= set((load_yaml(path.read_text(encoding="utf-8")) or {}).get("responses") or {})
    return responses


def main() -> int:
    """Validate; print every problem and return 1 if there is any."""
    from rasa.shared.importers.importer import TrainingDataImporter
    from rasa.validator import Validator

    importer = TrainingDataImporter.load_from_dict(
        domain_path=str(PROJECT_ROOT / "domain"), training_data_paths=[str(PROJECT_ROOT / "data")],
        config_path=str(PROJECT_ROOT / "config.yml"))
    validator = Validator.from_importer(importer)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        valid = all([validator.verify_domain_validity(), validator.verify_actions_in_stories_rules(),
                     validator.verify_forms_in_stories_rules(), validator.verify_form_slots(),
                     validator.verify_slot_mappings(), validator.verify_nlu(True),
                     validator.verify_story_structure(True)])
    names, prefixes = action_response_names()
    problems = []
    for warning in caught:
        message = str(warning.message)
        if issubclass(warning.category, DeprecationWarning) or "PyparsingDeprecationWarning" in str(warning.category):
            continue
        unused = _UNUSED.search(message)
        if unused and (unused.group(1) in names or any(unused.group(1).startswith(p) for p in prefixes)):
            continue
        problems.append(message.splitlines()[0])
    responses = _domain_responses()
    problems += [f"an action names the response '{name}', which the domain does not define"
                 for name in sorted(names - responses - {"utter_action"})]
    problems += [f"an action builds response names from '{prefix}', but the domain has none"
                 for prefix in sorted(prefixes) if not any(r.startswith(prefix) for r in responses)]
    for problem in problems:
        print(f"  - {problem}")
    if not valid or problems:
        print(f"Validation failed ({len(problems)} problem(s)).")
        return 1
    print(f"Domain and data are valid ({len(responses)} responses, every one used).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
