"""Sentence frames for the synthetic wire (see synth.py), in four languages.

Each event kind has facts; each fact has several frames, so two agencies telling the
same event use different words for the same names and numbers, while two events of one
kind told by one agency use the same words for other names and numbers. That is the
trap a shingle method falls into and the one the detector must not.
"""

from __future__ import annotations

from typing import Final, TypedDict

Frames = tuple[str, ...]


class KindText(TypedDict):
    #: one tuple of frames per fact; fact 0 is the lede
    facts: tuple[Frames, ...]
    #: the urgent one-liner
    alert: Frames
    head: Frames


class Lang:
    def __init__(self, code: str, agencies: tuple[str, ...], days: tuple[str, ...],
                 roles: tuple[str, ...], common: tuple[str, ...],
                 kinds: dict[str, KindText]) -> None:
        self.code = code
        self.agencies = agencies
        self.days = days
        self.roles = roles
        #: the most frequent words of the language, most frequent first (filler text)
        self.common = common
        self.kinds = kinds


_EN = Lang(
    "en", ("AP", "Reuters", "AFP", "AAP"),
    ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    ("interior minister", "civil protection chief", "regional governor", "mayor"),
    ("the", "of", "and", "to", "a", "in", "that", "is", "was", "for", "on", "it", "with",
     "as", "by", "at", "from", "his", "her", "they", "have", "had", "been", "were",
     "said", "which", "their", "would", "there", "also", "after", "more", "other",
     "years", "over", "new", "people", "first", "last", "two", "government", "year"),
    {
        "quake": {
            "facts": (
                ("A magnitude {mag} earthquake struck near {city} in {country} on {day}, "
                 "killing at least {dead} people.",
                 "At least {dead} people were killed on {day} when a {mag}-magnitude quake "
                 "hit the area around {city}, {country}.",
                 "{day}'s magnitude {mag} earthquake near {city} left at least {dead} people "
                 "dead, officials in {country} said."),
                ("The quake struck at a depth of {depth} kilometres, according to {org}.",
                 "{org} measured the depth of the tremor at {depth} km.",
                 "It was {depth} km deep, {org} reported."),
                ("{injured} people were injured and many buildings collapsed in {region} "
                 "province.",
                 "Hospitals in {region} treated {injured} injured residents.",
                 "Authorities counted {injured} injured across {region}."),
                ("{person}, the {role}, said rescue teams had been sent to {city}.",
                 "Rescuers are on their way to {city}, {role} {person} told reporters.",
                 "\"We are sending every team we have,\" said {role} {person}."),
                ("Aftershocks continued through the night near {city}.",
                 "Residents of {city} spent the night outdoors fearing aftershocks."),
            ),
            "alert": ("Magnitude {mag} earthquake strikes near {city}, {country} - {org}",),
            "head": ("Quake of magnitude {mag} kills {dead} in {country}",
                     "At least {dead} dead after earthquake near {city}",
                     "{country}: strong earthquake hits {city}, {dead} killed"),
        },
        "match": {
            "facts": (
                ("{home} beat {away} {sh}-{sa} in the {comp} on {day}, with {scorer} "
                 "scoring in the {minute}th minute.",
                 "{scorer} struck in the {minute}th minute as {home} defeated {away} "
                 "{sh}-{sa} on {day} in the {comp}.",
                 "A {minute}th-minute goal from {scorer} gave {home} a {sh}-{sa} win over "
                 "{away} on {day}."),
                ("The match at {stadium} was watched by {crowd} fans.",
                 "{crowd} spectators attended the game at {stadium}."),
                ("{home} coach {person} praised his side's defence.",
                 "\"It was a hard game,\" said {person}, who coaches {home}."),
                ("{away} remain in the bottom half of the {comp} table.",
                 "The defeat leaves {away} struggling in the {comp}."),
            ),
            "alert": ("{home} beat {away} {sh}-{sa} in {comp}",),
            "head": ("{home} down {away} {sh}-{sa}", "{scorer} fires {home} past {away}",
                     "{comp}: {home} {sh} {away} {sa}"),
        },
        "vote": {
            "facts": (
                ("The {parl} approved the {bill} in a {stage} on {day} by {yes} votes to "
                 "{no}.",
                 "Lawmakers in the {parl} voted {yes} to {no} on {day} to pass the {bill} "
                 "at its {stage}.",
                 "By {yes} votes to {no}, the {parl} backed the {bill} on {day} in the "
                 "{stage}."),
                ("{leader}, leader of the {party}, called the result a victory for "
                 "{country}.",
                 "\"This is a good day for {country},\" said {party} leader {leader}."),
                ("The opposition had tried to delay the {stage}.",
                 "Critics said the {bill} was rushed through the {parl}."),
                ("The bill now goes to the next stage, {person} said.",
                 "{person} said the next stage would follow within weeks."),
            ),
            "alert": ("{parl} passes {bill} {yes}-{no}",),
            "head": ("{parl} backs {bill}", "{bill} clears {parl} {yes}-{no}",
                     "{country} lawmakers approve {bill}"),
        },
        "company": {
            "facts": (
                ("{org} said on {day} it would cut {jobs} jobs in {city}, {country}.",
                 "{org} plans to cut {jobs} positions at its {city} site, the company "
                 "announced on {day}.",
                 "On {day}, {org} announced that {jobs} jobs in {city} would go."),
                ("Chief executive {person} said the decision followed a {pct} percent fall "
                 "in sales.",
                 "Sales fell {pct} percent, {person}, the chief executive, said."),
                ("The plan will cost {cost} million euros.",
                 "{org} expects costs of {cost} million euros."),
                ("Unions in {city} criticised the move.",
                 "Workers' representatives in {city} said they would fight the plan."),
            ),
            "alert": ("{org} to cut {jobs} jobs in {city}",),
            "head": ("{org} to cut {jobs} jobs", "{org} axes {jobs} posts in {city}",
                     "Job cuts at {org}: {jobs} posts go in {city}"),
        },
    },
)

_DE = Lang(
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

_FR = Lang(
    "fr", ("AFP", "Belga", "ATS", "Reuters"),
    ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    ("ministre de l'Intérieur", "chef de la protection civile", "gouverneur", "maire"),
    ("de", "la", "le", "et", "les", "des", "en", "un", "du", "une", "que", "est", "pour",
     "qui", "dans", "a", "par", "plus", "pas", "au", "sur", "ne", "se", "ce", "il", "sont",
     "avec", "été", "aux", "ont", "selon", "mais", "son", "leur", "elle", "cette", "après",
     "deux", "ans", "aussi", "entre", "depuis", "sans", "gouvernement", "année"),
    {
        "quake": {
            "facts": (
                ("Un séisme de magnitude {mag} a frappé {day} la région de {city} en "
                 "{country}, faisant au moins {dead} morts.",
                 "Au moins {dead} personnes ont été tuées {day} par un tremblement de terre "
                 "de magnitude {mag} près de {city} ({country}).",
                 "Le séisme de magnitude {mag} survenu {day} près de {city} a fait au moins "
                 "{dead} morts, selon les autorités de {country}."),
                ("La secousse s'est produite à {depth} kilomètres de profondeur, selon "
                 "{org}.",
                 "{org} a situé l'épicentre à {depth} km de profondeur."),
                ("{injured} personnes ont été blessées dans la province de {region}.",
                 "Les hôpitaux de {region} ont accueilli {injured} blessés."),
                ("Le {role} {person} a annoncé l'envoi de secouristes à {city}.",
                 "« Nous envoyons toutes nos équipes », a déclaré le {role} {person}."),
                ("Des répliques ont secoué {city} toute la nuit.",
                 "Les habitants de {city} ont dormi dehors par peur des répliques."),
            ),
            "alert": ("Séisme de magnitude {mag} près de {city}, {country} - {org}",),
            "head": ("Séisme de magnitude {mag} en {country}: {dead} morts",
                     "Au moins {dead} morts après un séisme près de {city}",
                     "{country}: un fort séisme frappe {city}"),
        },
        "match": {
            "facts": (
                ("{home} a battu {away} {sh}-{sa} {day} en {comp}, grâce à un but de "
                 "{scorer} à la {minute}e minute.",
                 "{scorer} a marqué à la {minute}e minute et {home} s'est imposé {sh}-{sa} "
                 "face à {away} {day}.",
                 "Victoire {sh}-{sa} de {home} contre {away} {day} en {comp}, {scorer} "
                 "ayant trouvé la faille à la {minute}e."),
                ("{crowd} spectateurs ont assisté au match au {stadium}.",
                 "Le {stadium} a accueilli {crowd} supporters."),
                ("L'entraîneur de {home}, {person}, a salué sa défense.",
                 "« Ce fut un match difficile », a dit {person}, entraîneur de {home}."),
                ("{away} reste dans la seconde moitié du classement de {comp}.",
                 "Cette défaite laisse {away} en difficulté en {comp}."),
            ),
            "alert": ("{home} bat {away} {sh}-{sa} en {comp}",),
            "head": ("{home} domine {away} {sh}-{sa}", "{scorer} offre la victoire à {home}",
                     "{comp}: {home} {sh}, {away} {sa}"),
        },
        "vote": {
            "facts": (
                ("Le {parl} a adopté {day} le {bill} en {stage} par {yes} voix contre "
                 "{no}.",
                 "Par {yes} voix contre {no}, les députés du {parl} ont voté {day} le "
                 "{bill} en {stage}.",
                 "Le {bill} a été approuvé {day} par le {parl} en {stage}, avec {yes} voix "
                 "pour et {no} contre."),
                ("{leader}, chef du {party}, a salué une victoire pour {country}.",
                 "« C'est un bon jour pour {country} », a déclaré {leader}, chef du "
                 "{party}."),
                ("L'opposition avait tenté de retarder le vote.",
                 "Les critiques estiment que le {bill} a été adopté à la hâte."),
                ("Le texte passe maintenant à l'étape suivante, a indiqué {person}.",
                 "{person} a précisé que la suite interviendrait dans quelques semaines."),
            ),
            "alert": ("Le {parl} adopte le {bill} par {yes} voix contre {no}",),
            "head": ("Le {parl} adopte le {bill}", "{bill}: feu vert du {parl}, {yes} à {no}",
                     "{country}: les députés votent le {bill}"),
        },
        "company": {
            "facts": (
                ("{org} va supprimer {jobs} emplois à {city} ({country}), a annoncé le "
                 "groupe {day}.",
                 "Le groupe {org} a annoncé {day} la suppression de {jobs} postes sur son "
                 "site de {city}.",
                 "{day}, {org} a confirmé que {jobs} emplois seraient supprimés à {city}."),
                ("Le PDG {person} a invoqué une baisse des ventes de {pct} %.",
                 "Les ventes ont reculé de {pct} %, a expliqué le PDG {person}."),
                ("Le plan coûtera {cost} millions d'euros.",
                 "{org} prévoit un coût de {cost} millions d'euros."),
                ("Les syndicats de {city} ont dénoncé la décision.",
                 "Les représentants du personnel à {city} promettent de se battre."),
            ),
            "alert": ("{org} va supprimer {jobs} emplois à {city}",),
            "head": ("{org} supprime {jobs} emplois", "{org}: {jobs} postes supprimés à {city}",
                     "Plan social chez {org} à {city}"),
        },
    },
)

_ES = Lang(
    "es", ("EFE", "Europa Press", "AFP", "Reuters"),
    ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    ("ministro del Interior", "jefe de Protección Civil", "gobernador", "alcalde"),
    ("de", "la", "que", "el", "en", "y", "a", "los", "del", "se", "las", "por", "un",
     "para", "con", "no", "una", "su", "al", "es", "lo", "como", "más", "pero", "sus",
     "le", "ya", "o", "este", "ha", "sí", "porque", "esta", "entre", "cuando", "muy",
     "sin", "sobre", "también", "me", "hasta", "hay", "donde", "quien", "desde", "gobierno"),
    {
        "quake": {
            "facts": (
                ("Un terremoto de magnitud {mag} sacudió el {day} la zona de {city}, en "
                 "{country}, y causó al menos {dead} muertos.",
                 "Al menos {dead} personas murieron el {day} por un sismo de magnitud {mag} "
                 "cerca de {city} ({country}).",
                 "El terremoto de magnitud {mag} registrado el {day} cerca de {city} dejó al "
                 "menos {dead} muertos, según las autoridades de {country}."),
                ("El sismo tuvo lugar a {depth} kilómetros de profundidad, según {org}.",
                 "{org} situó el hipocentro a {depth} km de profundidad."),
                ("{injured} personas resultaron heridas en la provincia de {region}.",
                 "Los hospitales de {region} atendieron a {injured} heridos."),
                ("El {role} {person} dijo que los equipos de rescate van hacia {city}.",
                 "\"Enviamos a todos los equipos\", afirmó el {role} {person}."),
                ("Las réplicas sacudieron {city} durante toda la noche.",
                 "Los vecinos de {city} durmieron en la calle por miedo a las réplicas."),
            ),
            "alert": ("Terremoto de magnitud {mag} cerca de {city}, {country} - {org}",),
            "head": ("Terremoto de magnitud {mag} en {country}: {dead} muertos",
                     "Al menos {dead} muertos tras un sismo cerca de {city}",
                     "{country}: fuerte terremoto sacude {city}"),
        },
        "match": {
            "facts": (
                ("El {home} venció {sh}-{sa} al {away} el {day} en la {comp}, con un gol "
                 "de {scorer} en el minuto {minute}.",
                 "{scorer} marcó en el minuto {minute} y el {home} derrotó {sh}-{sa} al "
                 "{away} el {day}.",
                 "Victoria {sh}-{sa} del {home} ante el {away} el {day} en la {comp}, "
                 "gracias a {scorer} en el minuto {minute}."),
                ("{crowd} aficionados asistieron al partido en el {stadium}.",
                 "El {stadium} reunió a {crowd} espectadores."),
                ("El entrenador del {home}, {person}, elogió a su defensa.",
                 "\"Fue un partido duro\", dijo {person}, técnico del {home}."),
                ("El {away} sigue en la mitad baja de la tabla de la {comp}.",
                 "La derrota deja al {away} en apuros en la {comp}."),
            ),
            "alert": ("El {home} gana {sh}-{sa} al {away} en la {comp}",),
            "head": ("El {home} supera al {away} {sh}-{sa}", "{scorer} da la victoria al {home}",
                     "{comp}: {home} {sh}, {away} {sa}"),
        },
        "vote": {
            "facts": (
                ("El {parl} aprobó el {day} el {bill} en {stage} por {yes} votos a favor y "
                 "{no} en contra.",
                 "Con {yes} votos a favor y {no} en contra, los diputados del {parl} "
                 "respaldaron el {day} el {bill} en {stage}.",
                 "El {bill} superó el {day} la {stage} en el {parl}: {yes} votos frente a "
                 "{no}."),
                ("{leader}, líder del {party}, calificó el resultado de victoria para "
                 "{country}.",
                 "\"Es un buen día para {country}\", dijo {leader}, líder del {party}."),
                ("La oposición había intentado aplazar la votación.",
                 "Los críticos dijeron que el {bill} se aprobó con prisas."),
                ("La ley pasa ahora a la siguiente fase, dijo {person}.",
                 "{person} señaló que el siguiente paso llegará en semanas."),
            ),
            "alert": ("El {parl} aprueba el {bill} por {yes} votos a {no}",),
            "head": ("El {parl} aprueba el {bill}", "{bill} supera el {parl}: {yes} a {no}",
                     "{country}: los diputados aprueban el {bill}"),
        },
        "company": {
            "facts": (
                ("{org} anunció el {day} que suprimirá {jobs} empleos en {city} "
                 "({country}).",
                 "La empresa {org} eliminará {jobs} puestos en su planta de {city}, según "
                 "anunció el {day}.",
                 "El {day}, {org} confirmó el recorte de {jobs} empleos en {city}."),
                ("El consejero delegado {person} atribuyó la decisión a una caída de las "
                 "ventas del {pct} %.",
                 "Las ventas cayeron un {pct} %, explicó el consejero delegado {person}."),
                ("El plan costará {cost} millones de euros.",
                 "{org} prevé un coste de {cost} millones de euros."),
                ("Los sindicatos de {city} criticaron la medida.",
                 "Los representantes de los trabajadores en {city} prometen luchar."),
            ),
            "alert": ("{org} suprimirá {jobs} empleos en {city}",),
            "head": ("{org} suprime {jobs} empleos", "{org} recorta {jobs} puestos en {city}",
                     "Recorte de empleo en {org}: {jobs} puestos en {city}"),
        },
    },
)

LANGS: Final[dict[str, Lang]] = {lang.code: lang for lang in (_EN, _DE, _FR, _ES)}

#: per language: the word for the stages of a bill, so two votes on one bill differ
STAGES: Final[dict[str, tuple[str, ...]]] = {
    "en": ("first reading", "second reading", "final vote"),
    "de": ("erster Lesung", "zweiter Lesung", "der Schlussabstimmung"),
    "fr": ("première lecture", "deuxième lecture", "vote final"),
    "es": ("primera lectura", "segunda lectura", "votación final"),
}

#: prefixes agencies put on a headline when they move a new version
UPDATE_MARKS: Final[dict[str, tuple[str, ...]]] = {
    "en": ("UPDATE {n}-", "{n}ST LD-", ""),
    "de": ("ZUSAMMENFASSUNG {n}: ", "NEU: ", ""),
    "fr": ("ACTUALISATION {n} - ", "NOUVEAU: ", ""),
    "es": ("AMPLIACIÓN {n}: ", "NUEVO: ", ""),
}

COUNTRIES: Final[tuple[str, ...]] = (
    "Turkey", "Iran", "Chile", "Peru", "Japan", "Indonesia", "Mexico", "Italy", "Greece",
    "Nepal", "Ecuador", "Philippines", "Pakistan", "Afghanistan", "Albania", "Croatia",
    "Morocco", "Algeria", "Colombia", "Guatemala", "Taiwan", "China", "India", "Romania",
    "Portugal", "Spain", "France", "Germany", "Austria", "Belgium",
)

SEISMIC_ORGS: Final[tuple[str, ...]] = ("USGS", "EMSC", "GFZ", "Kandilli", "JMA")
