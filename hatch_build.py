"""Build hook: wheels ship corpora/ as toolkit/_corpora; editable installs read it in place."""

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CorporaHook(BuildHookInterface):
    def initialize(self, version: str, build_data: dict) -> None:
        if version != "editable":
            build_data["force_include"]["corpora"] = "toolkit/_corpora"
