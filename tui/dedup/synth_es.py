"""Spanish sentence frames for the synthetic wire (see synth_text.py)."""

from __future__ import annotations

from typing import Final

from tui.dedup.synth_lang import Lang

ES: Final[Lang] = Lang(
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
