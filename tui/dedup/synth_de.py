"""German sentence frames for the synthetic wire (see synth_text.py)."""

from __future__ import annotations

from typing import Final

from tui.dedup.synth_lang import Lang

DE: Final[Lang] = Lang(
    "de", ("dpa", "AFP", "Reuters", "APA"),
    ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
    ("Innenminister", "Zivilschutzchef", "Gouverneur", "Bürgermeister"),
    ("der", "die", "und", "in", "den", "von", "zu", "das", "mit", "sich", "des", "auf",
     "für", "ist", "im", "dem", "nicht", "ein", "eine", "als", "auch", "es", "an", "werden",
     "aus", "er", "hat", "dass", "sie", "nach", "wird", "bei", "einer", "um", "am", "sind",
     "noch", "wie", "einem", "über", "einen", "so", "zum", "war", "haben", "nur"),
    {
        "quake": {
            "facts": (
                ("Ein Erdbeben der Stärke {mag} hat am {day} die Region um {city} in "
                 "{country} erschüttert und mindestens {dead} Menschen getötet.",
                 "Mindestens {dead} Menschen sind am {day} bei einem Beben der Stärke {mag} "
                 "nahe {city} ({country}) ums Leben gekommen.",
                 "Bei dem Erdbeben mit einer Stärke von {mag} nahe {city} starben am {day} "
                 "nach Behördenangaben in {country} mindestens {dead} Menschen."),
                ("Das Beben ereignete sich in einer Tiefe von {depth} Kilometern, teilte "
                 "{org} mit.",
                 "{org} gab die Tiefe des Bebens mit {depth} Kilometern an."),
                ("{injured} Menschen wurden in der Provinz {region} verletzt.",
                 "In {region} zählten die Behörden {injured} Verletzte."),
                ("{role} {person} sagte, Rettungsteams seien nach {city} unterwegs.",
                 "„Wir schicken alle verfügbaren Kräfte“, sagte {role} {person}."),
                ("In {city} verbrachten viele Menschen die Nacht im Freien.",
                 "Nachbeben erschütterten {city} die ganze Nacht."),
            ),
            "alert": ("Erdbeben der Stärke {mag} bei {city} in {country} - {org}",),
            "head": ("Erdbeben der Stärke {mag} in {country}: {dead} Tote",
                     "Mindestens {dead} Tote nach Beben bei {city}",
                     "{country}: Schweres Erdbeben erschüttert {city}"),
        },
        "match": {
            "facts": (
                ("{home} hat am {day} in der {comp} {sh}:{sa} gegen {away} gewonnen, "
                 "{scorer} traf in der {minute}. Minute.",
                 "Durch ein Tor von {scorer} in der {minute}. Minute schlug {home} am {day} "
                 "{away} mit {sh}:{sa}.",
                 "{home} besiegte {away} am {day} {sh}:{sa}, entscheidend war {scorer} in "
                 "der {minute}. Minute."),
                ("Im {stadium} sahen {crowd} Zuschauer das Spiel.",
                 "{crowd} Fans waren ins {stadium} gekommen."),
                ("{home}-Trainer {person} lobte die Abwehr seiner Mannschaft.",
                 "„Es war ein hartes Spiel“, sagte {person}, Trainer von {home}."),
                ("{away} bleibt in der unteren Tabellenhälfte der {comp}.",
                 "Die Niederlage lässt {away} in der {comp} weiter zittern."),
            ),
            "alert": ("{home} schlägt {away} {sh}:{sa} in der {comp}",),
            "head": ("{home} bezwingt {away} {sh}:{sa}", "{scorer} schießt {home} zum Sieg",
                     "{comp}: {home} {sh}, {away} {sa}"),
        },
        "vote": {
            "facts": (
                ("Der {parl} hat am {day} in {stage} das {bill} mit {yes} zu {no} Stimmen "
                 "gebilligt.",
                 "Mit {yes} zu {no} Stimmen stimmten die Abgeordneten im {parl} am {day} in "
                 "{stage} für das {bill}.",
                 "Das {bill} hat am {day} in {stage} den {parl} passiert: {yes} Ja- und "
                 "{no} Nein-Stimmen."),
                ("{leader}, Chef der {party}, nannte das Ergebnis einen Sieg für {country}.",
                 "„Ein guter Tag für {country}“, sagte {party}-Chef {leader}."),
                ("Die Opposition hatte versucht, die Abstimmung zu verschieben.",
                 "Kritiker bemängelten, das {bill} sei durch den {parl} gepeitscht worden."),
                ("Das Gesetz geht nun in die nächste Runde, sagte {person}.",
                 "{person} sagte, der nächste Schritt folge in wenigen Wochen."),
            ),
            "alert": ("{parl} billigt {bill} mit {yes} zu {no} Stimmen",),
            "head": ("{parl} stimmt für {bill}", "{bill} passiert {parl}: {yes} zu {no}",
                     "Abgeordnete in {country} billigen {bill}"),
        },
        "company": {
            "facts": (
                ("{org} will in {city} ({country}) {jobs} Stellen streichen, teilte das "
                 "Unternehmen am {day} mit.",
                 "Am {day} kündigte {org} den Abbau von {jobs} Arbeitsplätzen in {city} an.",
                 "{org} streicht {jobs} Jobs am Standort {city}, hieß es am {day}."),
                ("Vorstandschef {person} begründete den Schritt mit einem Umsatzrückgang um "
                 "{pct} Prozent.",
                 "Der Umsatz sei um {pct} Prozent gefallen, sagte Konzernchef {person}."),
                ("Der Umbau soll {cost} Millionen Euro kosten.",
                 "{org} rechnet mit Kosten von {cost} Millionen Euro."),
                ("Die Gewerkschaften in {city} kritisierten den Plan.",
                 "Der Betriebsrat in {city} kündigte Widerstand an."),
            ),
            "alert": ("{org} streicht {jobs} Stellen in {city}",),
            "head": ("{org} streicht {jobs} Stellen", "Stellenabbau bei {org} in {city}",
                     "{org}: {jobs} Jobs fallen in {city} weg"),
        },
    },
)
