"""Categories of one store: a tree with a name per language.

The storefront reads the tree on every listing and product page: `shop_category_tree` keeps it
in each process's memory (`orion_app.access_cache`) until a commit writes a category or a
category's name, in any process (`models.py` watches both tables). The dashboard reads it
fresh (`category_tree`).
"""

from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session, select

from modules.catalog.models import CATEGORY_TREE, Category, CategoryTranslation
from modules.catalog.services.values import slugify
from orion_app import access_cache
from orion_app.errors import FieldErrors
from orion_app.scoped import get_in_store


@dataclass(frozen=True)
class CategoryNode:
    id: int
    slug: str
    name: str
    depth: int
    parent_id: int | None


def create_category(
    session: Session, store_id: int, names: dict[str, str], parent_id: int | None = None, slug: str = ""
) -> Category:
    names = {lang: n.strip() for lang, n in names.items() if n and n.strip()}
    if not names:
        raise FieldErrors({"name": "orion.error.required"})
    if (
        parent_id is not None
        and not session.exec(
            select(Category.id).where(Category.id == parent_id, Category.store_id == store_id)
        ).first()
    ):
        raise FieldErrors({"parent_id": "catalog.error.category"})
    slug = slugify(slug or next(iter(names.values())))
    if session.exec(select(Category.id).where(Category.store_id == store_id, Category.slug == slug)).first():
        raise FieldErrors({"slug": "catalog.error.category_slug_taken"})
    category = Category(store_id=store_id, parent_id=parent_id, slug=slug)
    session.add(category)
    session.flush()
    for lang, name in names.items():
        session.add(CategoryTranslation(category_id=category.id, lang=lang, name=name))
    session.commit()
    session.refresh(category)
    return category


def category_tree(session: Session, store_id: int, lang: str, fallback: str = "en") -> list[CategoryNode]:
    """Depth-first list of the store's categories, named in `lang` (or any language it has).

    Read as plain columns, not ORM objects: every storefront listing and product page asks."""
    categories = session.exec(
        select(Category.id, Category.slug, Category.parent_id)
        .where(Category.store_id == store_id)
        .order_by(Category.position, Category.slug)
    ).all()
    names: dict[int, dict[str, str]] = {}
    if categories:
        for category_id, language, name in session.exec(
            select(CategoryTranslation.category_id, CategoryTranslation.lang, CategoryTranslation.name)
            .join(Category, Category.id == CategoryTranslation.category_id)
            .where(Category.store_id == store_id)
        ):
            names.setdefault(category_id, {})[language] = name
    children: dict[int | None, list[tuple[int, str, int | None]]] = {}
    for category in categories:
        children.setdefault(category[2], []).append(category)
    nodes: list[CategoryNode] = []

    def walk(parent: int | None, depth: int) -> None:
        for category_id, slug, parent_id in children.get(parent, []):
            label = names.get(category_id, {})
            name = label.get(lang) or label.get(fallback) or next(iter(label.values()), slug)
            nodes.append(CategoryNode(category_id, slug, name, depth, parent_id))
            walk(category_id, depth + 1)

    walk(None, 0)
    return nodes


def shop_category_tree(session: Session, store_id: int, lang: str, fallback: str) -> tuple[CategoryNode, ...]:
    """`category_tree` as the storefront shows it, remembered per store and language: no SQL
    until a category or its name changes. Shared by every caller, hence a tuple of frozen nodes."""
    return access_cache.cached(
        "category_tree",
        (store_id, lang, fallback),
        lambda: tuple(category_tree(session, store_id, lang, fallback)),
        scope=CATEGORY_TREE,
    )


def subtree_of(tree: Sequence[CategoryNode], category_id: int) -> list[int]:
    """The category and all its descendants, from a depth-first `tree`: they are the nodes right
    after it that sit deeper ([] when the category is not in the tree)."""
    for index, node in enumerate(tree):
        if node.id == category_id:
            ids = [node.id]
            for below in tree[index + 1 :]:
                if below.depth <= node.depth:
                    break
                ids.append(below.id)
            return ids
    return []


def category_options(session: Session, store_id: int, lang: str, fallback: str) -> list[dict[str, str]]:
    """The tree as select options, indented by depth."""
    return [
        {"value": str(n.id), "label": "— " * n.depth + n.name}
        for n in category_tree(session, store_id, lang, fallback)
    ]


def category_by_slug(session: Session, store_id: int, slug: str) -> Category:
    return get_in_store(session, Category, store_id, slug=slug)


def subtree_ids(session: Session, store_id: int, category_id: int) -> list[int]:
    """The category and all its descendants (products of sub-categories show in the parent)."""
    pairs = session.exec(select(Category.id, Category.parent_id).where(Category.store_id == store_id)).all()
    children: dict[int | None, list[int]] = {}
    for cid, parent in pairs:
        children.setdefault(parent, []).append(cid)
    result, stack = [], [category_id]
    while stack:
        current = stack.pop()
        result.append(current)
        stack.extend(children.get(current, []))
    return result
