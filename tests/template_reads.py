"""What a template reads that its view does not declare, found in the template's Jinja syntax tree.

The walk follows the types: a top-level name is a field of the view (or one of the names
`render_pages` adds), `x.y` is a field or property of x's declared type (a view dataclass,
a row dataclass or a data model), a `for` binds the element type of what it loops over, a
`with` binds the type of its value; `extends` and `include` are walked in the same scope, as
Jinja renders them. Where the type is not known (a filter's result, `loop`), the walk stops
checking that expression but still checks its parts.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any, Union

import jinja2
from jinja2 import nodes
from pydantic import BaseModel

UNKNOWN: Any = Any


def _declared(cls: type) -> dict[str, Any]:
    """The attribute types of a dataclass or a pydantic model: its fields and properties."""
    found: dict[str, Any] = {}
    if dataclasses.is_dataclass(cls):
        hints = typing.get_type_hints(cls)
        found.update({f.name: hints[f.name] for f in dataclasses.fields(cls)})
    elif isinstance(cls, type) and issubclass(cls, BaseModel):
        found.update({name: info.annotation for name, info in cls.model_fields.items()})
    for klass in getattr(cls, "__mro__", ()):
        if klass in (BaseModel, object):  # pydantic's own properties are no data
            break
        for name, value in vars(klass).items():
            if isinstance(value, property) and name not in found:
                found[name] = typing.get_type_hints(value.fget).get("return", UNKNOWN)
    return found


def _without_none(annotation: Any) -> Any:
    """The type without `None` (and without `Annotated` metadata)."""
    if typing.get_origin(annotation) is typing.Annotated:
        return _without_none(typing.get_args(annotation)[0])
    if typing.get_origin(annotation) in (Union, types.UnionType):
        rest = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _without_none(rest[0]) if len(rest) == 1 else UNKNOWN
    return annotation


def _checked(annotation: Any) -> bool:
    """Whether reads of attributes of this type can be checked (a declared structure)."""
    return isinstance(annotation, type) and (dataclasses.is_dataclass(annotation) or issubclass(annotation, BaseModel))


class Reads:
    """One walk over a template and what it includes, against the types of its names."""

    def __init__(self, env: jinja2.Environment):
        self.env = env
        self.problems: list[str] = []

    def template(self, name: str, scope: dict[str, Any], where: str) -> None:
        source = self.env.loader.get_source(self.env, name)[0]
        self.walk(self.env.parse(source), scope, name if where == name else f"{where} → {name}")

    def walk(self, node: nodes.Node, scope: dict[str, Any], where: str) -> None:
        if isinstance(node, nodes.Expr):
            self.expression(node, scope, where)
        elif isinstance(node, nodes.For):
            self.expression(node.iter, scope, where)
            inner = {**scope, "loop": UNKNOWN}
            element = self.element(self.expression(node.iter, scope, where, report=False), node.iter, where)
            self.bind(node.target, element, inner)
            for child in [*node.body, *node.else_] + ([node.test] if node.test else []):
                self.walk(child, inner, where)
        elif isinstance(node, nodes.With):
            inner = dict(scope)
            for target, value in zip(node.targets, node.values):
                self.bind(target, self.expression(value, scope, where), inner)
            for child in node.body:
                self.walk(child, inner, where)
        elif isinstance(node, nodes.Assign):
            self.bind(node.target, self.expression(node.node, scope, where), scope)
        elif isinstance(node, (nodes.Include, nodes.Extends)):
            assert isinstance(node.template, nodes.Const), f"{where}: a template name must be a constant"
            self.template(node.template.value, scope, where)
        else:
            for child in node.iter_child_nodes():
                self.walk(child, scope, where)

    @staticmethod
    def bind(target: nodes.Node, annotation: Any, scope: dict[str, Any]) -> None:
        if isinstance(target, nodes.Name):
            scope[target.name] = annotation
        else:
            for name in target.find_all(nodes.Name):
                scope[name.name] = UNKNOWN

    def element(self, annotation: Any, node: nodes.Node, where: str) -> Any:
        """The type of one item of a sequence type."""
        annotation = _without_none(annotation)
        origin, args = typing.get_origin(annotation), typing.get_args(annotation)
        if origin in (tuple, list, set, frozenset) and args:
            return args[0]
        if annotation is not UNKNOWN and _checked(annotation):
            self.problems.append(f"{where}:{node.lineno}: loops over a {annotation.__name__}, which is not a list")
        return UNKNOWN

    def expression(self, node: nodes.Node, scope: dict[str, Any], where: str, report: bool = True) -> Any:
        """The declared type of an expression (UNKNOWN when not known); records each read of
        a name or attribute that is not declared (when `report`)."""
        if isinstance(node, nodes.Name):
            if node.name in scope:
                return scope[node.name]
            if report:
                self.problems.append(f"{where}:{node.lineno}: reads '{node.name}', which its view does not declare")
            return UNKNOWN
        if isinstance(node, (nodes.Getattr, nodes.Getitem)):
            if isinstance(node, nodes.Getitem):
                if not (isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str)):
                    self.expression(node.arg, scope, where, report)
                    self.expression(node.node, scope, where, report)
                    return UNKNOWN
                attribute = node.arg.value
            else:
                attribute = node.attr
            owner = _without_none(self.expression(node.node, scope, where, report))
            owner = typing.get_origin(owner) or owner  # tuple[Link, ...] is a tuple
            if owner is UNKNOWN or not isinstance(owner, type):
                return UNKNOWN
            if not _checked(owner):
                if report:
                    self.problems.append(f"{where}:{node.lineno}: reads '.{attribute}' of a {owner.__name__}")
                return UNKNOWN
            declared = _declared(owner)
            if attribute not in declared:
                if report:
                    self.problems.append(f"{where}:{node.lineno}: reads '.{attribute}', which {owner.__name__} "
                                         "does not declare")
                return UNKNOWN
            return declared[attribute]
        if isinstance(node, nodes.Const):
            return type(node.value)
        for child in node.iter_child_nodes():
            self.walk(child, scope, where) if not isinstance(child, nodes.Expr) else \
                self.expression(child, scope, where, report)
        return UNKNOWN


def undeclared_reads(env: jinja2.Environment, template: str, names: dict[str, Any]) -> list[str]:
    """Every read in `template` (and what it extends and includes) of a name or attribute
    that `names` (the top-level names and their types) does not declare, as 'where: what'."""
    reads = Reads(env)
    reads.template(template, dict(names), template)
    return reads.problems


def view_names(view_type: type) -> dict[str, Any]:
    """The top-level names a page template can read: its view's fields and what
    `render_pages` adds (the page, its edit link and its 'Laatst gewijzigd' line)."""
    from generator.render import Page

    return {**_declared(view_type), "page": Page, "edit": str | None, "changed": str}
