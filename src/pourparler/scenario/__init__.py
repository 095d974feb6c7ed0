"""The scenario data model, its validation, built-in scenarios and interop formats."""

from pourparler.scenario.errors import Problem, ScenarioError
from pourparler.scenario.model import (
    Actor,
    Citation,
    Issue,
    NoDealOutlook,
    Option,
    Scenario,
    Source,
    Stance,
    Uncertainty,
)
from pourparler.scenario.resolve import DEFAULT_SCENARIO, load_scenario

__all__ = [
    "DEFAULT_SCENARIO",
    "Actor",
    "Citation",
    "Issue",
    "NoDealOutlook",
    "Option",
    "Problem",
    "Scenario",
    "ScenarioError",
    "Source",
    "Stance",
    "Uncertainty",
    "load_scenario",
]
