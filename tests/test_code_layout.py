"""The shape of the code: short files and functions, and imports that point one way, from the apps that serve
content (api, search, translation, demo) to the apps that define it (home, news, resources, glossary), never back."""

import ast
from pathlib import Path

from django.conf import settings

from .helpers import repository_files

ROOT = Path(settings.BASE_DIR)
CONTENT_APPS = {"home", "news", "resources", "glossary"}
SERVING_APPS = {"api", "search", "translation", "batches", "demo", "delivery", "endpoints"}
PACKAGES = CONTENT_APPS | SERVING_APPS | {"cms"}


def python_files():
    return [name for name in repository_files("*.py") if "/migrations/" not in name]


def imported_packages(name):
    """The project packages a file imports, at module level or inside functions."""
    found = set()
    for node in ast.walk(ast.parse((ROOT / name).read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
    return found & PACKAGES


def package_of(name):
    top = name.split("/")[0]
    return top if top in PACKAGES else None


def test_no_hand_written_python_file_is_over_400_lines():
    long_files = {name: n for name in python_files() if (n := len((ROOT / name).read_text().splitlines())) > 400}
    assert not long_files


def test_no_function_is_over_60_lines():
    long_functions = []
    for name in python_files():
        for node in ast.walk(ast.parse((ROOT / name).read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno - node.lineno >= 60:
                long_functions.append(f"{name}:{node.lineno} {node.name}")
    assert not long_functions


def test_content_apps_import_no_serving_app():
    upward = {
        (name, package)
        for name in python_files()
        if package_of(name) in CONTENT_APPS
        for package in imported_packages(name) & SERVING_APPS
    }
    assert not upward


def test_no_import_cycle_between_packages():
    graph = {package: set() for package in PACKAGES}
    for name in python_files():
        source = package_of(name)
        if source:
            graph[source] |= imported_packages(name) - {source}

    def reaches(start, goal, seen=()):
        return any(nxt == goal or (nxt not in seen and reaches(nxt, goal, (*seen, nxt))) for nxt in graph[start])

    assert [package for package in sorted(PACKAGES) if reaches(package, package)] == []


def test_search_builds_on_the_shared_endpoint_conventions_not_on_the_api():
    """The API asks the search service; search asks only `endpoints` (errors, parameters, caching) of the JSON
    plumbing, so the two cannot form a circle."""
    assert not [name for name in python_files() if package_of(name) == "search" and "api" in imported_packages(name)]
    assert not [
        name
        for name in python_files()
        if package_of(name) == "endpoints" and imported_packages(name) - {"home", "endpoints"}
    ]
