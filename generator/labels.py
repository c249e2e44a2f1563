"""Dutch labels, descriptions and examples for every model and field: the one place where
the editors' words for the data live.

The JSON Schemas take their `title`, `description` and `examples` from here (what an
editor sees on hover in the editor), and `make diff` names changed fields by these labels.
The models' English docstrings stay for developers. A test fails, naming the field, when a
model gains a field that has no Dutch label here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Label:
    """The Dutch words for one field."""

    label: str
    """Short name, as a reviewer reads it in a list of changes ("Samenvatting")."""
    description: str
    """What belongs in the field, as the editor's hover help shows it."""
    example: Any = None
    """An example value, where one helps."""


@dataclass(frozen=True)
class ModelLabels:
    """The Dutch words for one model: what one record is called, and its fields."""

    label: str
    """What one record is called ("activiteit")."""
    description: str
    """What the record is, for the hover help."""
    fields: dict[str, Label]


L = Label

_ID = "Vaste id: kleine letters, cijfers en losse streepjes. Verander een id nooit: andere bestanden en webadressen verwijzen ernaar."
_SOURCE_ID = L("Bron", "Id van het brondocument in data/sources.yaml.", "strategische-agenda")
_SUMMARY = L("Samenvatting", "Samenvatting in eigen woorden; plak geen tekst uit de bron.")
_PASSAGES = L("Vindplaatsen", "Waar de feiten van dit item in de bronnen staan: per passage de bron, de plaats "
              "erin en de eerste woorden letterlijk (zie CONTRIBUTING.md, 'een bron citeren').")
_NOTES = L("Verantwoording", "Noten van de redactie over de tekstversie (kolommen, afgebroken woorden, "
           "OCR-fouten); de site toont ze onder 'Verantwoording'.")
_CHAPTERS = "Ids van agendathema's (zie `make ids`), of randvoorwaarden voor 'Ruimte en slagkracht'."

MODELS: dict[str, ModelLabels] = {
    # --- sources ---
    "SourcesFile": ModelLabels("bronnenbestand", "data/sources.yaml: de brondocumenten.", {
        "sources": L("Bronnen", "Alle brondocumenten die de site publiceert of aanhaalt."),
    }),
    "Source": ModelLabels("bron", "Een brondocument dat de site publiceert of aanhaalt.", {
        "id": L("Id", _ID, "strategische-agenda"),
        "title": L("Titel", "De titel van het document, precies zoals het document hem geeft."),
        "publisher": L("Uitgever", "Wie het document heeft uitgegeven.", "Stedennetwerk G40"),
        "date": L("Datum", "Wanneer het verscheen, zo precies als bekend: jaar, jaar-maand of jaar-maand-dag "
                  "(jjjj, jjjj-mm of jjjj-mm-dd)."),
        "date_basis": L("Herkomst van de datum", "Waar de datum vandaan komt: tekst (het document noemt hem), "
                        "titel (het eerste jaar van de periode in de titel), webadres (uit het adres van het "
                        "bestand), copyright (de ©-regel) of redactie (het document zwijgt: een schatting van de "
                        "redactie). De pagina Bronnen zegt het de lezer.", "tekst"),
        "date_passages": L("Vindplaats van de datum", "Waar de datum in de tekst van dit document staat: bij tekst, "
                           "titel en copyright verplicht, bij webadres als de tekst het adres afdrukt, bij redactie "
                           "leeg. De bron is dit document zelf."),
        "kind": L("Soort", "Wat voor document het is."),
        "file": L("Tekstbestand", "De tekstversie in ../shared/seeds/ waaruit de gegevens komen.",
                  "003_6302d1234f07f449.txt"),
        "url": L("Webadres", "Waar het origineel te vinden is, als de tekst een adres noemt.",
                 "https://www.g40stedennetwerk.nl"),
        "paragraph_gap": L("Lege regels tussen alinea's", "Hoeveel lege regels in de tekstversie een alinea "
                           "afsluiten: 2 als er na elke regel tekst een lege regel staat.", 1),
        "paragraph_width": L("Breedte van een volle regel", "Voor een gescande tekst met een lege regel na elke "
                             "regel en geen tussen alinea's: een regel die korter is dan dit aantal tekens en een "
                             "zin afsluit, sluit ook de alinea af (en de regel vóór een opsommingsteken).", 75),
    }),
    # --- cities ---
    "Passage": ModelLabels("passage", "Een passage uit een brondocument: het document, de plaats erin en "
                           "waar de passage begint.", {
        "source": _SOURCE_ID,
        "place": L("Plaats in de bron", "Hoofdstuk, paragraaf of themagroep, in de woorden van het document.",
                   "Thema Smart Cities"),
        "anchor": L("Eerste woorden", "De eerste woorden van de passage, letterlijk uit de bron gekopieerd "
                    "(hooguit twaalf); ze moeten er precies één keer staan.", "Wim Willems is als mede voorzitter van de themagroep"),
        "end": L("Laatste woorden", "De laatste woorden van de passage, als die langer is dan één alinea.",
                 "Regioraad op 26 juni."),
    }),
    "CitiesFile": ModelLabels("stedenbestand", "data/cities.yaml: de G40-steden.", {
        "membership": L("Lidmaatschap", "Waar de bronnen zeggen welke gemeenten lid zijn (passages)."),
        "province_note": L("Toelichting provincies", "Waar de provincies vandaan komen, omdat de bronnen ze niet noemen."),
        "cities": L("Steden", "De gemeenten die lid zijn, op alfabet."),
    }),
    "City": ModelLabels("stad", "Een gemeente die lid is van de G40.", {
        "id": L("Id", _ID + " Voor een stad: de naam in kleine letters met streepjes.", "s-hertogenbosch"),
        "name": L("Naam", "De officiële naam, precies zoals de bronnen hem schrijven.", "'s-Hertogenbosch"),
        "province": L("Provincie", "De provincie waarin de gemeente ligt.", "Noord-Brabant"),
        "map_place": L("Plaats op de kaart", "Voor de kaart: de plaats (in GeoNames) die staat voor een gemeente "
                       "die niet naar één plaats heet. Standaard: de naam van de gemeente.", "Hoofddorp"),
        "search_aliases": L("Zoeknamen", "Namen die lezers typen maar de bronnen niet gebruiken; ze staan nergens "
                            "op de site, het zoekveld vindt er de stad mee.", ["Den Bosch"]),
    }),
    # --- agenda ---
    "Speerpunt": ModelLabels("speerpunt", "Eén genummerd speerpunt van een thema, letterlijk zoals in de agenda.", {
        "number": L("Nummer", "Het nummer in de lijst van het thema; doorlopend vanaf 1.", 1),
        "title": L("Titel", "De letterlijke tekst, tikfouten inbegrepen.", "Preventie en sterke basis"),
        "remark": L("Opmerking van de bron", "Een opmerking die de bron zelf bij het speerpunt maakt, letterlijk."),
        "see": L("Zie thema", "Id van het thema waar volgens de bron dit speerpunt wordt uitgewerkt."),
        "editor_note": L("Noot van de redactie", "Onze noot bij een kennelijke fout in de bron; de site toont hem als zodanig."),
    }),
    "MoreInfo": ModelLabels("meer informatie", "De verwijzing 'Meer informatie' aan het eind van een hoofdstuk.", {
        "label": L("Naam", "De themagroep of pijler die de verwijzing noemt."),
        "url": L("Webadres", "Het adres dat de verwijzing geeft.", "https://www.g40stedennetwerk.nl"),
    }),
    "Related": ModelLabels("verwijzing", "Een ander hoofdstuk waarnaar dit hoofdstuk verwijst.", {
        "target": L("Thema", "Id van het thema waarnaar verwezen wordt, of randvoorwaarden.", "economie"),
        "cited_as": L("Zoals de bron het noemt", "Hoe de bron het hoofdstuk aanhaalt (de nummers in de tekst "
                      "wijken af van de koppen).", "hoofdstuk 5"),
    }),
    "ThemePassages": ModelLabels("vindplaatsen van een thema", "Waar elk deel van de pagina van een thema "
                                 "vandaan komt.", {
        "intro": L("Inleiding", "Passages van het begin van het hoofdstuk."),
        "speerpunten": L("Speerpunten", "Passages van 'De G40-agenda': de inleidende zin en de speerpunten."),
        "why": L("Waarom", "Passages van 'Waarom doen we wat we doen?'."),
        "approach": L("G40-aanpak", "Passages van 'G40-aanpak'; leeg als het hoofdstuk die niet heeft."),
        "action": L("Aan de slag", "Passages van 'Aan de slag'."),
    }),
    "Theme": ModelLabels("thema", "Een van de acht thema's (hoofdstukken) van de strategische agenda.", {
        "id": L("Id", _ID + " Ook de bestandsnaam van de pagina.", "economie"),
        "number": L("Nummer", "Het hoofdstuknummer in de kop.", 3),
        "title": L("Titel", "De titel van het hoofdstuk, letterlijk.", "Een vitale stedelijke economie"),
        "intro": L("Inleiding", "Samenvatting van het begin van het hoofdstuk, in eigen woorden."),
        "speerpunten_intro": L("Inleiding speerpunten", "Samenvatting van de zin die de speerpunten inleidt."),
        "speerpunten": L("Speerpunten", "De genummerde speerpunten; alleen leeg als de bron er geen geeft "
                         "(zeg dat dan in 'gaps')."),
        "why": L("Waarom", "Samenvatting van 'Waarom doen we wat we doen?'."),
        "approach": L("G40-aanpak", "Samenvatting van 'G40-aanpak', of null als het hoofdstuk dat onderdeel "
                      "niet heeft (zeg dat dan in 'gaps')."),
        "action": L("Aan de slag", "Samenvatting van 'Aan de slag'."),
        "gaps": L("Leemtes", "Waar de bron zwijgt of onleesbaar is, in gewone woorden."),
        "more_info": L("Meer informatie", "De verwijzing 'Meer informatie' van het hoofdstuk."),
        "related": L("Verwante hoofdstukken", "Andere hoofdstukken waarnaar dit hoofdstuk verwijst."),
        "notes": _NOTES,
        "passages": L("Vindplaatsen", "Per deel van de pagina de passages in de agenda waar het vandaan komt."),
    }),
    "NutshellItem": ModelLabels("regel van de notendop", "Een regel van 'Onze agenda in een notendop'.", {
        "phrase": L("Vetgedrukte woorden", "De woorden die de bron vet drukt, letterlijk."),
        "target": L("Thema", "Id van het thema waar de regel voor staat, of randvoorwaarden.", "economie"),
        "summary": L("Samenvatting", "De rest van de regel, in eigen woorden."),
    }),
    "Nutshell": ModelLabels("notendop", "'Onze agenda in een notendop': de agenda in negen regels.", {
        "note": L("Noot", "Een opmerking van de redactie bij de lijst."),
        "passages": _PASSAGES,
        "items": L("Regels", "De regels, in de volgorde van de bron."),
    }),
    "Quote": ModelLabels("citaat", "Een kort citaat, letterlijk, met wie het zei.", {
        "text": L("Tekst", "De geciteerde woorden, letterlijk."),
        "by": L("Door", "Wie ze zei."),
        "language": L("Taal", "De taal van het citaat (HTML `lang`), zodat een schermlezer het goed uitspreekt; "
                      "leeg voor Nederlands.", "en"),
    }),
    "Summary": ModelLabels("samenvatting", "Een passage uit de agenda, samengevat in eigen woorden.", {
        "summary": L("Samenvatting", "De samenvatting, in eigen woorden."),
        "passages": _PASSAGES,
    }),
    "Mission": ModelLabels("missie", "'Onze missie'.", {
        "quote": L("Citaat", "Het citaat waarmee de missie eindigt."),
    }),
    "Point": ModelLabels("punt", "Een genummerd punt van de randvoorwaarden.", {
        "number": L("Nummer", "Het nummer van het punt.", 1),
        "title": L("Titel", "De kop van het punt, letterlijk."),
        "summary": L("Samenvatting", "Wat het punt vraagt, in eigen woorden."),
        "passages": _PASSAGES,
    }),
    "RandSection": ModelLabels("onderdeel", "Een onderdeel van 'Ruimte en slagkracht voor stad en regio'.", {
        "title": L("Titel", "De kop van het onderdeel, letterlijk."),
        "intro": L("Inleiding", "Samenvatting van de inleiding."),
        "points": L("Punten", "De genummerde punten."),
        "passages": _PASSAGES,
    }),
    "Closing": ModelLabels("slot", "Een afsluitend onderdeel met een kop.", {
        "title": L("Titel", "De kop, letterlijk."),
        "summary": _SUMMARY,
        "passages": _PASSAGES,
    }),
    "Randvoorwaarden": ModelLabels("randvoorwaarden", "Het hoofdstuk 'Ruimte en slagkracht voor stad en regio' "
                                   "(id: randvoorwaarden).", {
        "title": L("Titel", "De titel van het hoofdstuk, letterlijk.", "Ruimte en slagkracht voor stad en regio"),
        "intro": L("Inleiding", "Samenvatting van het begin van het hoofdstuk."),
        "sections": L("Onderdelen", "De financiële agenda en de ruimte voor steden en regio's."),
        "closing": L("Slot", "'De bestuurders aan zet'."),
        "more_info": L("Meer informatie", "De verwijzing 'Meer informatie' van het hoofdstuk."),
        "passages": _PASSAGES,
    }),
    "WerkwijzePoint": ModelLabels("alinea", "Een alinea van 'De werkwijze van de G40', "
                                  "herkenbaar aan de vetgedrukte woorden.", {
        "keyword": L("Vetgedrukte woorden", "De vetgedrukte woorden, letterlijk."),
        "summary": L("Samenvatting", "De alinea in eigen woorden."),
        "passages": _PASSAGES,
    }),
    "Werkwijze": ModelLabels("werkwijze", "Het hoofdstuk 'De werkwijze van de G40'.", {
        "title": L("Titel", "De titel van het hoofdstuk, letterlijk."),
        "points": L("Alinea's", "De alinea's van het hoofdstuk."),
    }),
    "AgendaFile": ModelLabels("agenda", "data/agenda/<periode>.yaml: één strategische agenda; het bestand heet naar "
                              "de periode.", {
        "source": _SOURCE_ID,
        "title": L("Titel", "De titel van de agenda.", "Steden maken het verschil!"),
        "subtitle": L("Ondertitel", "De ondertitel, meestal 'Strategische agenda' met de periode."),
        "period": L("Periode", "De jaren die de agenda beslaat, als eerste-laatste jaar (jjjj-jjjj); ook de naam van "
                    "het bestand en de map van de pagina's (agenda/<periode>/)."),
        "undated_addresses": L("Oude adressen", "true bij de eerste agenda van de site: de adressen van vóór de "
                               "perioden (agenda/… zonder periode) sturen door naar deze agenda. Bij hooguit één "
                               "agenda."),
        "introduction": L("Inleiding", "De openingspagina's."),
        "mission": L("Missie", "'Onze missie'."),
        "nutshell": L("Notendop", "'Onze agenda in een notendop'."),
        "themes": L("Thema's", "De acht thema's, in de volgorde van de hoofdstukken."),
        "randvoorwaarden": L("Ruimte en slagkracht", "'Ruimte en slagkracht voor stad en regio' (id: randvoorwaarden)."),
        "werkwijze": L("Werkwijze", "'De werkwijze van de G40'."),
    }),
    # --- people and organisations ---
    "Person": ModelLabels("persoon", "Iemand die een bron noemt, in de openbare rol die de bron geeft.", {
        "id": L("Id", _ID, "paul-depla"),
        "name": L("Naam", "De naam precies zoals de bron hem schrijft (alleen een achternaam als de bron "
                  "niet meer geeft).", "Paul Depla"),
        "role": L("Rol", "De openbare rol zoals de bron die beschrijft.", "voorzitter Stedennetwerk G40"),
        "city": L("Stad", "Id van de stad waaraan de bron de persoon verbindt, als die er is.", "breda"),
        "passages": _PASSAGES,
    }),
    "PeopleFile": ModelLabels("personenbestand", "data/people.yaml: de personen.", {
        "people": L("Personen", "Iedereen die de bronnen noemen."),
    }),
    "Organisation": ModelLabels("begrip", "Een organisatie of afkorting, uitgelegd in de begrippenlijst en "
                                "als je de muis erop houdt.", {
        "id": L("Id", _ID, "vng"),
        "term": L("Term", "De afkorting of naam precies zoals de bronnen hem schrijven. Een afkorting in "
                  "hoofdletters vindt ook dezelfde letters in andere schrijfwijze (NOVI ook Novi).", "VNG"),
        "also": L("Andere schrijfwijzen", "Andere schrijfwijzen die de bronnen gebruiken.", ["AMV"]),
        "expansion": L("Voluit", "Waar de afkorting voor staat.", "Vereniging van Nederlandse Gemeenten"),
        "explained_by": L("Uitgelegd door", "bron als een bron de afkorting voluit schrijft (met passages), "
                          "redactie als de redactie dat doet.", "bron"),
        "description": L("Omschrijving", "Een korte omschrijving, uit wat de bronnen zeggen."),
        "note": L("Noot", "Wat de bronnen openlaten, bijvoorbeeld dat ze de naam nooit voluit schrijven."),
        "passages": L("Vindplaatsen", "Waar een bron de term gebruikt of uitlegt; nodig bij `explained_by: bron` "
                      "en bij een omschrijving."),
        "hover": L("Uitleg bij aanwijzen", "Of de term overal uitleg krijgt als je de muis erop houdt "
                   "(uit voor de naam van het netwerk zelf).", True),
        "search_aliases": L("Zoeknamen", "Namen die lezers typen maar de bronnen niet gebruiken; ze staan nergens "
                            "op de site, het zoekveld vindt er de begrippenpagina mee.", ["Vrije Universiteit"]),
    }),
    "OrganisationsFile": ModelLabels("begrippenbestand", "data/organisations.yaml: organisaties en afkortingen.", {
        "organisations": L("Begrippen", "Alle organisaties en afkortingen."),
    }),
    # --- annual report ---
    "Foreword": ModelLabels("voorwoord", "Het voorwoord van de voorzitter.", {
        "id": L("Id", "Id waarmee activiteiten zeggen dat ze uit het voorwoord komen.", "voorwoord"),
        "heading": L("Kop", "De kop, letterlijk."),
        "author": L("Auteur", "Id van de persoon die het schreef.", "paul-depla"),
        "summary": L("Samenvatting", "Het voorwoord in eigen woorden."),
        "highlights": L("Uitgelicht", "Ids van de activiteiten die het voorwoord noemt."),
        "passages": _PASSAGES,
    }),
    "ThemeGroup": ModelLabels("themagroep", "Een themagroep van een pijler (of het algemene deel van de pijler).", {
        "id": L("Id", _ID + " Ook de bestandsnaam van de pagina.", "duurzaamheid"),
        "title": L("Naam", "De naam van de groep zoals het jaarverslag die in de tekst gebruikt."),
        "heading": L("Kop", "De kop erboven in het jaarverslag, letterlijk (soms anders dan de naam)."),
        "kind": L("Soort", "algemeen voor het algemene deel van een pijler, themagroep voor een themagroep.",
                  "themagroep"),
        "themes": L("Thema's", "De agendathema's waaraan de groep werkt. " + _CHAPTERS, ["economie"]),
        "summary": L("Samenvatting", "Wat de groep in het jaar van het verslag deed, in een of twee zinnen."),
        "placement": L("Plaats in de bron", "Waar de tekstversie de plaats verhaspelt en hoe we die hebben hersteld."),
        "passages": _PASSAGES,
    }),
    "Pillar": ModelLabels("pijler", "Een pijler van het jaarverslag, of 'Overige themagroepen'.", {
        "id": L("Id", _ID + " Ook de bestandsnaam van de pagina.", "sociaal"),
        "title": L("Naam", "De naam van de pijler."),
        "heading": L("Kop", "De kop in het jaarverslag, letterlijk."),
        "summary": L("Samenvatting", "Het jaar van de pijler in eigen woorden."),
        "groups": L("Themagroepen", "De onderdelen en themagroepen, in de volgorde van het jaarverslag."),
        "passages": _PASSAGES,
    }),
    "ReportFile": ModelLabels("jaarverslag", "data/jaarverslagen/<jaar>/report.yaml: één jaarverslag; de map heet "
                              "naar het jaar.", {
        "source": _SOURCE_ID,
        "year": L("Jaar", "Het jaar waarover het verslag gaat (vier cijfers); ook de naam van de map en van de map "
                  "van de pagina's (jaarverslag/<jaar>/)."),
        "undated_addresses": L("Oude adressen", "true bij het eerste jaarverslag van de site: de adressen van vóór "
                               "de jaren (jaarverslag/… zonder jaar) sturen door naar dit verslag. Bij hooguit één "
                               "verslag."),
        "foreword": L("Voorwoord", "Het voorwoord van de voorzitter."),
        "pillars": L("Pijlers", "De pijlers en de overige themagroepen."),
    }),
    "CityRole": ModelLabels("rol van een stad", "De rol van een stad in een activiteit, in de woorden van de bron.", {
        "city": L("Stad", "Id van de stad (zie `make ids`).", "apeldoorn"),
        "role": L("Rol", "De rol zoals de bron hem noemt: trekker, deelnemer, koploper, bestemming van een "
                  "studiereis …", "voorzitter van de City Deal Impact Ondernemen"),
        "passages": _PASSAGES,
    }),
    "Activity": ModelLabels("activiteit", "Iets wat het netwerk volgens het jaarverslag in het jaar deed "
                            "(of zag gebeuren).", {
        "id": L("Id", _ID + " Ook de bestandsnaam van de pagina.", "bijeenkomst-aardgastransitie"),
        "group": L("Themagroep", "Id van de themagroep (of voorwoord) waaronder het jaarverslag de activiteit "
                   "noemt.", "duurzaamheid"),
        "title": L("Titel", "Een korte titel in eigen woorden; namen van documenten en evenementen letterlijk."),
        "date": L("Datum", "Zo precies als de bron hem geeft: jaar, jaar-maand of jaar-maand-dag (jjjj, jjjj-mm of "
                  "jjjj-mm-dd)."),
        "summary": L("Samenvatting", "Wat er gebeurde, in eigen woorden."),
        "people": L("Personen", "Ids van de personen die de bron noemt.", ["sven-ringelberg"]),
        "organisations": L("Organisaties", "Ids van betrokken partnerorganisaties en afkortingen.", ["vng"]),
        "cities": L("Steden", "De steden die de bron noemt, met hun rol."),
        "themes": L("Thema's", "De agendathema's waaraan de activiteit bijdraagt. " + _CHAPTERS,
                    ["energietransitie"]),
        "gaps": L("Leemtes", "Wat de bron erover weglaat of verhaspelt."),
        "placement": L("Plaats in de bron", "Waar de tekstversie de plaats verhaspelt en hoe we die hebben hersteld."),
        "notes": _NOTES,
        "passages": _PASSAGES,
    }),
    "ActivitiesFile": ModelLabels("activiteitenbestand", "data/jaarverslagen/<jaar>/activities.yaml: de activiteiten van "
                                  "één jaarverslag; hun ids zijn uniek over alle jaren.", {
        "activities": L("Activiteiten", "Elke activiteit uit het jaarverslag, per themagroep in de volgorde "
                        "van het verslag."),
    }),
    # --- kernboodschappen ---
    "AnalysisPoint": ModelLabels("punt van de analyse", "Een punt van de probleemanalyse: letterlijk als het "
                                 "kort is, anders samengevat.", {
        "text": L("Tekst", "De letterlijke woorden, voor korte punten."),
        "summary": L("Samenvatting", "Onze samenvatting, voor lange punten."),
    }),
    "Analysis": ModelLabels("analyse", "Een lijst van de probleemanalyse.", {
        "heading": L("Kop", "De kop, letterlijk."),
        "summary": L("Samenvatting", "Waar de lijst over gaat."),
        "points": L("Punten", "De punten."),
        "closing": L("Slot", "De alinea na de lijst, samengevat."),
        "passages": _PASSAGES,
    }),
    "Needed": ModelLabels("wat is nodig", "'Wat is nodig?'.", {
        "heading": L("Kop", "De kop, letterlijk."),
        "summary": _SUMMARY,
        "passages": _PASSAGES,
    }),
    "Ask": ModelLabels("vraag", "Een van de drie vragen.", {
        "number": L("Nummer", "Het nummer van de vraag.", 1),
        "title": L("Titel", "De vraag, letterlijk."),
        "summary": L("Samenvatting", "De onderbouwing in eigen woorden."),
        "points": L("Punten", "Wat de G40 wil, samengevat."),
        "themes": L("Thema's", "De agendathema's waarover de vraag gaat. " + _CHAPTERS),
        "activities": L("Activiteiten", "Ids van activiteiten uit de jaarverslagen die eraan werken."),
        "passages": _PASSAGES,
    }),
    "KernboodschappenFile": ModelLabels("kernboodschappen", "data/kernboodschappen.yaml.", {
        "source": _SOURCE_ID,
        "title": L("Titel", "De titel van het document.", "Kernboodschappen G40"),
        "analysis": L("Analyse", "De probleemanalyse."),
        "needed": L("Wat is nodig", "'Wat is nodig?'."),
        "asks": L("Vragen", "De drie vragen."),
    }),
    # --- archive and about ---
    "Part": ModelLabels("onderdeel", "Een benoemd onderdeel van een archiefstuk (een knelpunt, een scenario, "
                        "een uitgangspunt).", {
        "label": L("Soort onderdeel", "Wat voor onderdeel het is.", "Scenario 1"),
        "title": L("Titel", "De titel of stelling, letterlijk."),
        "summary": L("Samenvatting", "De inhoud in eigen woorden."),
        "passages": _PASSAGES,
    }),
    "ArchiveDocument": ModelLabels("archiefstuk", "Een document uit de gearchiveerde raadsbundel.", {
        "id": L("Id", _ID + " Ook de bestandsnaam van de pagina.", "aanbiedingsbrief-raadsessie"),
        "title": L("Titel", "De eigen titel van het document (title_is_exact: true) of onze omschrijving ervan."),
        "title_is_exact": L("Titel is letterlijk", "Of de titel de eigen titel van het document is.", True),
        "subtitle": L("Ondertitel", "De ondertitel, letterlijk."),
        "short_title": L("Korte titel", "De titel die iBabs en NotuBiz tonen, hooguit 80 tekens; alleen nodig "
                         "als de titel langer is.", "Krachtige stedelijke regio's en krachtige gemeenten"),
        "author": L("Auteur", "Wie het schreef, voor zover de bundel dat laat zien."),
        "addressee": L("Geadresseerde", "Aan wie het gericht is."),
        "date": L("Datum", "Wanneer, zo precies als bekend (jjjj, jjjj-mm of jjjj-mm-dd)."),
        "date_note": L("Toelichting datum", "Hoe de datum is vastgesteld als het document hem niet toont."),
        "summary": L("Samenvatting", "Gestructureerde samenvatting in eigen woorden."),
        "parts": L("Onderdelen", "De knelpunten, scenario's of uitgangspunten."),
        "gaps": L("Leemtes", "Wat de scan verhaspelt of weglaat."),
        "themes": L("Thema's", "Agendathema's die het document al aankondigt. " + _CHAPTERS),
        "notes": _NOTES,
        "passages": _PASSAGES,
    }),
    "ArchiveFile": ModelLabels("archief", "data/archive.yaml: het archief, de stukken van een raadsessie.", {
        "source": _SOURCE_ID,
        "title": L("Titel", "De titel van de archiefpagina, bijvoorbeeld de raadsessie waarvoor de stukken waren."),
        "description": L("Beschrijving", "Eén regel over wat het archief bevat (voor zoekmachines)."),
        "intro": L("Inleiding", "Waarom het archief ertoe doet, in eigen woorden."),
        "documents": L("Archiefstukken", "De documenten, in de volgorde van de bundel."),
    }),
    "AboutSection": ModelLabels("onderdeel", "Een onderdeel van de pagina 'Over de G40'.", {
        "heading": L("Kop", "De kop, letterlijk."),
        "summary": L("Samenvatting", "Onze samenvatting."),
        "passages": _PASSAGES,
    }),
    "AboutFile": ModelLabels("over de G40", "data/about.yaml: de pagina 'Over de G40'.", {
        "source": _SOURCE_ID,
        "title": L("Titel", "De titel van de pagina.", "Over de G40"),
        "sections": L("Onderdelen", "De onderdelen van de pagina."),
    }),
    # --- council sessions ---
    "SessionItem": ModelLabels("onderdeel van een bundel", "Een onderdeel van een bundel: precies één van de "
                               "velden, dat een pagina van de site noemt.", {
        "archive": L("Archiefstuk", "Id van een document in data/archive.yaml.", "aanbiedingsbrief-raadsessie"),
        "theme": L("Thema", "Id van een agendathema, of randvoorwaarden.", "stadsvernieuwing"),
        "page": L("Vaste pagina", "Een van de vaste pagina's van de site.", "kernboodschappen"),
        "pillar": L("Pijler", "Id van een pijler van het jaarverslag."),
        "group": L("Themagroep", "Id van een themagroep van het jaarverslag.", "financien"),
        "city": L("Stad", "Id van een stad.", "zaanstad"),
        "activity": L("Activiteit", "Id van een activiteit.", "warmtewet"),
    }),
    "Session": ModelLabels("raadsessie", "Een raadsessie en de bundel stukken die erbij hoort.", {
        "id": L("Id", _ID + " De bundel heet dist/<id>.zip.", "volledige-agenda"),
        "title": L("Titel", "De titel van de sessie, op het voorblad en op elke afgedrukte pagina."),
        "date": L("Datum", "De datum van de sessie (geen datum voor een bundel die niet bij een vergadering "
                  "hoort); jjjj-mm-dd."),
        "body": L("Voor", "De raad of het orgaan waarvoor de bundel is.", "gemeenteraad"),
        "letter": L("Begeleidende brief", "De begeleidende brief, in eigen woorden."),
        "letter_source": L("Bron van de brief", "Waar de inhoud van de brief vandaan komt, als hij een bron samenvat."),
        "items": L("Onderdelen", "De onderdelen van de bundel, in volgorde."),
        "whole_site": L("Hele site", "true: de bundel bevat de hele site; anders alleen de onderdelen en de "
                        "pagina's waar ze naar linken.", False),
    }),
    "SessionsFile": ModelLabels("raadsessiebestand", "data/sessions.yaml: de raadsessies met een bundel.", {
        "sessions": L("Raadsessies", "Elke raadsessie met een bundel."),
    }),
}
"""Every model by class name; a subclass inherits the labels of its parent's fields."""


def model_labels(model: type) -> ModelLabels | None:
    return MODELS.get(model.__name__)


def field_label(model: type, name: str) -> Label | None:
    """The Dutch words for field `name` of `model`, looking in its parent models too."""
    for cls in model.__mro__:
        entry = MODELS.get(cls.__name__)
        if entry is not None and name in entry.fields:
            return entry.fields[name]
    return None


def unlabelled_fields(models: list[type]) -> list[str]:
    """`Model.field` for every field of these models without a Dutch label, and every model
    without a Dutch name."""
    missing = []
    for model in models:
        if model_labels(model) is None:
            missing.append(model.__name__)
        missing += [f"{model.__name__}.{name}" for name in model.model_fields if field_label(model, name) is None]
    return missing


def stale_labels(models: list[type]) -> list[str]:
    """`Model.field` for every label whose model or field no longer exists."""
    by_name = {m.__name__: m for m in models}
    stale = []
    for name, entry in MODELS.items():
        model = by_name.get(name)
        if model is None:
            stale.append(name)
            continue
        stale += [f"{name}.{field}" for field in entry.fields if field not in model.model_fields]
    return stale
