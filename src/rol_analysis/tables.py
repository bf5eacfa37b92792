"""Table shapes shared by validation, analysis and the brief."""

from __future__ import annotations

from .catalogue import Catalogue, load

KEYS = ["region", "year"]


def wide(indicators, catalogue: Catalogue | None = None):
    """One row per (region, year), one column per catalogue indicator.

    Parameters
    ----------
    indicators : pandas.DataFrame
        The ``indicators`` table (columns ``region``, ``year``, ``indicator_id``, ``value``).
    catalogue : Catalogue, optional
        Defaults to the packaged catalogue.

    Returns
    -------
    pandas.DataFrame
        Columns ``region``, ``year`` and every catalogue indicator id in catalogue order;
        an indicator the report does not state is NaN, so rules over it can skip it.
        An empty input gives an empty frame with the same columns.
    """
    import pandas as pd

    cat = catalogue or load()
    ids = list(cat.indicators)
    rows = indicators[indicators["indicator_id"].isin(ids)]
    if rows.empty:
        return pd.DataFrame(columns=KEYS + ids).astype({i: "float64" for i in ids})
    table = rows.pivot_table(index=KEYS, columns="indicator_id", values="value", aggfunc="first")
    table = table.reindex(columns=ids).reset_index()
    table.columns.name = None
    return table.astype({i: "float64" for i in ids})
