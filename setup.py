"""Packaging glue that pyproject.toml cannot express on its own.

The repository keeps ``resources/`` and ``templates/`` at the top level (the
project layout is fixed), but an installed app needs them too: they are shipped
as the data packages ``pwb_resources`` and ``pwb_templates``.
"""

from setuptools import find_packages, setup

setup(
    packages=[
        *find_packages(include=["app", "app.*", "ui", "ui.*"]),
        "pwb_resources",
        "pwb_templates",
    ],
    package_dir={"pwb_resources": "resources", "pwb_templates": "templates"},
    package_data={
        "app": ["storage/migrations/*.mako", "py.typed"],
        "pwb_resources": ["**/*"],
        "pwb_templates": ["**/*"],
    },
)
