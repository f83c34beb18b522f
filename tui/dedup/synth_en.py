"""English sentence frames for the synthetic wire (see synth_text.py)."""

from __future__ import annotations

from typing import Final

from tui.dedup.synth_lang import Lang

EN: Final[Lang] = Lang(
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
