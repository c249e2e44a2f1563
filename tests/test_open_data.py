"""Open data: every data set as JSON and CSV, valid against its schema, listed in a DCAT catalogue."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import jsonschema
import pytest

from generator.opendata import DATASETS
from generator.validate import load_site
from tests.conftest import REPO

SITE, _ = load_site(REPO / "data")
assert SITE is not None


@pytest.mark.parametrize("dataset", DATASETS, ids=lambda d: d.name)
def test_json_validates_against_its_schema_and_csv_has_every_row(built_site: Path, dataset) -> None:
    folder = built_site / "open-data"
    rows = json.loads((folder / f"{dataset.name}.json").read_text(encoding="utf-8"))
    schema = json.loads((folder / f"{dataset.name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(rows)
    assert len(rows) == len(dataset.rows(SITE)) > 0
    with (folder / f"{dataset.name}.csv").open(encoding="utf-8", newline="") as f:
        table = list(csv.DictReader(f))
    assert len(table) == len(rows)
    assert table[0][next(iter(rows[0]))] == str(rows[0][next(iter(rows[0]))])


def test_a_schema_rejects_a_broken_row(built_site: Path) -> None:
    schema = json.loads((built_site / "open-data" / "steden.schema.json").read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate([{"id": "x", "name": "X", "province": "Twente"}])


def test_catalogue_lists_every_dataset_with_existing_distributions(built_site: Path) -> None:
    catalogue = json.loads((built_site / "open-data" / "catalogus.jsonld").read_text(encoding="utf-8"))
    assert catalogue["@type"] == "dcat:Catalog"
    datasets = catalogue["dcat:dataset"]
    assert len(datasets) == len(DATASETS)
    for dataset in datasets:
        assert dataset["dct:license"]["@id"].startswith("http://standaarden.overheid.nl/owms/terms/")
        for distribution in dataset["dcat:distribution"]:
            name = distribution["dcat:accessURL"]["@id"].rsplit("/", 1)[1]
            assert (built_site / "open-data" / name).exists()


@pytest.mark.parametrize(("page", "dataset"), [("agenda/2019-2022/talent", "themas"), ("steden/apeldoorn", "steden"),
                                               ("activiteiten/warmtewet", "activiteiten"),
                                               ("kernboodschappen", "kernboodschappen")])
def test_pages_link_to_their_data(built_site: Path, page: str, dataset: str) -> None:
    html = (built_site / page / "index.html").read_text(encoding="utf-8")
    assert f"open-data/{dataset}.json" in html and f"open-data/{dataset}.csv" in html
