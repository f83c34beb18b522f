"""French sentence frames for the synthetic wire (see synth_text.py)."""

from __future__ import annotations

from typing import Final

from tui.dedup.synth_lang import Lang

FR: Final[Lang] = Lang(
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
