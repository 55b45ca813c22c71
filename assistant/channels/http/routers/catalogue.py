"""Products (search, detail, picture), reviews, and the pages citation links open."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request, Response
from fastapi.responses import HTMLResponse
from pydantic import BaseModel

from assistant.catalogue.models import Catalogue, Product, Review
from assistant.catalogue.presenters import ProductDetail, product_detail
from assistant.channels.http import views
from assistant.channels.http.dependencies import CatalogueDep, RetrieverDep
from assistant.channels.http.errors import ApiError
from assistant.search.filters import UNWANTED_FIELDS, SearchFilters, UnknownFilterError
from assistant.search.retrieval import QueryError

PAGING_PARAMS = {"q", "limit", "offset"}

router = APIRouter(tags=["catalogue"])


class ProductPage(BaseModel):
    """One page of search results, with the filters that were applied."""

    products: list[ProductDetail]
    total: int
    filters: dict[str, Any]


def _product(catalogue: Catalogue, product_id: str, hint: str = "") -> Product:
    product = catalogue.products.get(product_id)
    if product is None:
        raise HTTPException(404, f"unknown product {product_id!r}{hint}")
    return product


def _filter_params(request: Request) -> dict[str, object]:
    """The query's filter parameters; a list filter («not_colours=black&not_colours=navy» or
    «not_colours=black,navy») keeps every value."""
    params: dict[str, object] = {}
    for key in dict.fromkeys(request.query_params.keys()):
        if key in PAGING_PARAMS:
            continue
        values = request.query_params.getlist(key)
        if key in UNWANTED_FIELDS:
            params[key] = [part.strip() for value in values for part in value.split(",") if part]
        else:
            params[key] = values[-1]
    return params


@router.get("/api/products", response_model=ProductPage)
def list_products(
    request: Request,
    retriever: RetrieverDep,
    q: Annotated[str, Query(max_length=2000)] = "",
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> ProductPage:
    """Search or list products; any SearchFilters field is a query parameter."""
    extra = _filter_params(request)
    try:
        filters = SearchFilters.from_params(extra)
        result = retriever.search(q, filters=filters, k=limit, offset=offset)
    except (UnknownFilterError, QueryError) as exc:
        raise ApiError(422, "invalid_request", str(exc)) from None
    return ProductPage(
        products=[product_detail(hit.product) for hit in result.hits],
        total=result.total,
        filters=result.filters.model_dump(exclude_defaults=True),
    )


@router.get("/api/products/{product_id}", response_model=ProductDetail)
def get_product(product_id: str, catalogue: CatalogueDep) -> ProductDetail:
    """One product with its variants."""
    hint = "; find ids with GET /api/products?q=..."
    return product_detail(_product(catalogue, product_id, hint))


@router.get("/api/products/{product_id}/image.svg", include_in_schema=False)
def product_image(product_id: str, catalogue: CatalogueDep) -> Response:
    """The product's generated picture."""
    return Response(
        views.product_image_svg(_product(catalogue, product_id)),
        media_type="image/svg+xml",
        headers={"Cache-Control": "max-age=3600"},
    )


@router.get("/api/reviews/{review_id}", response_model=Review)
def get_review(review_id: str, catalogue: CatalogueDep) -> Review:
    """One review, as cited in answers."""
    if review_id not in catalogue.reviews:
        raise HTTPException(404, f"unknown review {review_id!r}; answers cite review ids")
    return catalogue.reviews[review_id]


@router.get("/cite/{cited_id}", response_class=HTMLResponse, include_in_schema=False)
def citation(cited_id: str, catalogue: CatalogueDep) -> HTMLResponse:
    """What a citation opens: the cited review, quoted, or the cited product."""
    if cited_id in catalogue.reviews:
        review = catalogue.reviews[cited_id]
        return HTMLResponse(views.review_page(review, catalogue.products.get(review.product_id)))
    if cited_id in catalogue.products:
        return HTMLResponse(views.product_page(catalogue.products[cited_id]))
    raise HTTPException(
        404, f"nothing is cited as {cited_id!r}; citations are product or review ids"
    )
