"""Dutch searches a reader would type, each with the pages that must be in the top three.

Shared by the browser tests (public site and offline bundle) and `make bench` (precision
and recall). Paths are the public site's; `bundle_path` turns them into a bundle's. Every
kind of query is here: plain words, inflections, compound parts, typos, aliases from the
data, words after brackets or quotes, words without their diacritics, several words."""

from __future__ import annotations

from pathlib import Path

QUERIES: list[tuple[str, tuple[str, ...]]] = [
    # plain words, as the sources write them
    ("energietransitie", ("agenda/2019-2022/energietransitie/",)),
    ("ondermijning", ("agenda/2019-2022/veilige-stad/",)),
    ("Apeldoorn", ("steden/apeldoorn/",)),
    ("Tilburg", ("steden/tilburg/",)),
    ("opschalingskorting", ("agenda/2019-2022/randvoorwaarden/",)),
    ("taakdifferentiatie", ("archief/g32-discussienotitie/",)),
    ("inburgering", ("activiteiten/wet-inburgering-2021/",)),
    ("wonen", ("jaarverslag/2021/sociaal/wonen-welzijn-zorg/",)),
    ("Omgevingswet", ("jaarverslag/2021/fysiek/omgevingswet/",)),
    ("jeugdzorg", ("activiteiten/extra-geld-jeugdzorg/",)),
    ("verhuurderheffing", ("activiteiten/lobby-verhuurderheffing/",)),
    ("Koolmees", ("activiteiten/ontbijtsessie-koolmees/",)),
    ("Brexit", ("activiteiten/brexit-adjustment-reserve/",)),
    ("toeslagenaffaire", ("activiteiten/toeslagenaffaire/",)),
    ("Deltacommissaris", ("activiteiten/gesprek-deltacommissaris/",)),
    ("Ljubljana", ("activiteiten/ljubljana-akkoord/",)),
    ("warmtewet", ("activiteiten/warmtewet/",)),
    ("asiel", ("jaarverslag/2021/sociaal/vergunninghouders-asiel/",)),
    ("Europa", ("jaarverslag/2021/overige/europa/",)),
    ("armoede", ("jaarverslag/2021/sociaal/armoede-schulden/",)),
    ("energiearmoede", ("activiteiten/energiearmoede/",)),
    ("stad", ("agenda/2019-2022/veilige-stad/",)),
    # several words
    ("omgevingswet invoeringsdatum", ("activiteiten/invoeringsdatum-omgevingswet/",)),
    ("human capital", ("jaarverslag/2021/economie-werk/human-capital/",)),
    ("wet inburgering", ("activiteiten/wet-inburgering-2021/",)),
    # inflections: plural finds singular and back
    ("steden", ("steden/",)),
    ("wijken", ("activiteiten/langer-thuis-inclusieve-wijk/",)),
    ("binnenstad", ("jaarverslag/2021/economie-werk/binnensteden/",)),
    ("woonzorgvisie", ("activiteiten/leertraject-woonzorgvisies/",)),
    # the second half (or first) of a compound
    ("fonds", ("activiteiten/herijking-gemeentefonds/",)),
    ("vuurwerk", ("activiteiten/vuurwerkverbod/",)),
    ("verbod", ("activiteiten/vuurwerkverbod/",)),
    ("sensoren", ("activiteiten/sensorenregister/",)),
    ("wijkaanpak", ("activiteiten/integrale-wijkaanpak/",)),
    ("Hertogenbosch", ("steden/s-hertogenbosch/",)),
    # typos
    ("Groningn", ("steden/groningen/",)),
    ("jeugzorg", ("activiteiten/extra-geld-jeugdzorg/",)),
    ("gemeentefods", ("activiteiten/herijking-gemeentefonds/",)),
    ("Apeldorn", ("steden/apeldoorn/",)),
    ("toeslagenafaire", ("activiteiten/toeslagenaffaire/",)),
    # aliases from the data
    ("Den Bosch", ("steden/s-hertogenbosch/",)),
    ("Hoofddorp", ("steden/haarlemmermeer/",)),
    ("Vrije Universiteit", ("begrippen/",)),
    # words after brackets, quotes and hyphens; without diacritics
    ("ROB", ("agenda/2019-2022/randvoorwaarden/",)),
    ("IBP", ("agenda/2019-2022/randvoorwaarden/",)),
    ("Sittard", ("steden/sittard-geleen/",)),
    ("Geleen", ("steden/sittard-geleen/",)),
    ("Financiën", ("jaarverslag/2021/overige/financien/",)),
    ("financien", ("jaarverslag/2021/overige/financien/",)),
]


def bundle_path(path: str, bundle: Path) -> str:
    """A public-site path as an offline bundle in `bundle` names it: `agenda/2019-2022/` is
    `agenda/2019-2022/index.html` there, `begrippen/` is `begrippen.html`."""
    if path == "":
        return "index.html"
    folder_index = path + "index.html"
    return folder_index if (bundle / folder_index).exists() else path[:-1] + ".html"
