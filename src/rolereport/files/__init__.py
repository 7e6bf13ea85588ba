"""Reading the files people give rolereport, safely: YAML with line numbers, problems
gathered into one error, the brand's asset files checked by content (images, SVG, fonts,
templates), and the user's cache folder with the digests that key it. The ground floor:
imports nothing of rolereport but `errors`."""

from .yamlfile import YamlDoc, read_yaml

__all__ = ["YamlDoc", "read_yaml"]
