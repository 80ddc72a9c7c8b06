"""Spot messages that are clearly not English, so the bot can say so instead of guessing.

The NLU pipeline only knows English: a Spanish "me duele la espalda" would be misread as some
English intent and answered with nonsense. Nothing may be downloaded here, so this is a plain
word-count heuristic over a few common languages (Spanish, French, German, Italian, Portuguese,
Dutch, Polish): count the tokens that are typical function words or pain words of each language,
and the English ones. A language is reported only when it has at least two such words, more than
English does, and they make up a fair share of the message. Words that are also English ("me",
"do", "arm", "come", "been", "per") are deliberately left out of every foreign list, so English
pain descriptions, however misspelt, are never flagged; a lone "hola" is not flagged either
(too little evidence). It is deterministic and takes microseconds.
"""

from __future__ import annotations

import re

__all__ = ["LANGUAGES", "is_probably_not_english", "language_scores"]

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_MIN_HITS = 2
_MIN_SHARE = 0.3


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Typical words of each language that are not also (common) English words.
LANGUAGES: dict[str, frozenset[str]] = {
    "Spanish": _words("""
        el la los las un una unos unas que del al en con por para es está estoy estás soy tengo tiene
        tienes duele duelen dolor dolores desde hace muy mucho mucha pero como cuando donde porque mis tu
        su sus hola gracias semana semanas días dias espalda cabeza cuello hombro hombros rodilla
        pierna brazo también ayer hoy yo sí mañana noche lado derecho izquierdo izquierda derecha"""),
    "French": _words("""
        le la les un une des du et ou je j'ai suis est il elle nous vous au aux avec dans sur pas ne
        mal dos depuis très tres mais qui que quand mon mes ton ta sa ses ce cette bonjour merci oui
        tête tete cou épaule epaule genou jambe bras douleur douleurs hier aujourd'hui semaine semaines
        jours lundi mardi mercredi jeudi vendredi samedi dimanche c'est j'avais côté gauche droite"""),
    "German": _words("""
        ich du sie es wir ihr und oder nicht kein keine mit seit habe hab hast ist sind der das dem ein
        eine einen einem mein meine meinem meinen mir mich auch aber wenn weil schon sehr tut weh
        schmerz schmerzen rücken ruecken kopf nacken schulter schultern knie bein tagen tage woche
        wochen heute gestern danke hallo ja nein links rechts seite"""),
    "Italian": _words("""
        il gli una di del della dello con che è non ho ha sono sei mio mia miei dolore dolori schiena
        testa collo spalla spalle ginocchio gamba braccio dopo anche molto quando perché perche ciao
        grazie giorni settimana settimane ieri oggi fa sinistra destra lato"""),
    "Portuguese": _words("""
        os um uma uns umas da dos das na nos nas com que é não nao eu estou está tenho tem meu minha
        dor dores dói doi costas cabeça cabeca pescoço pescoco ombro ombros joelho perna braço desde há
        muito mas quando porque olá ola obrigado obrigada dias semana semanas ontem hoje também lado
        esquerdo direito"""),
    "Dutch": _words("""
        ik je jij hij zij het een en niet geen met sinds heb hebt heeft zijn mijn mij ook maar wanneer
        omdat erg veel pijn rug hoofd schouder schouders knie dagen weken gisteren vandaag hallo dank
        bedankt doet zeer links rechts kant"""),
    "Polish": _words("""
        ja mnie mam jest są nie tak się że mój moja moje bardzo boli ból bol plecy głowa szyja ramię
        kolano noga ręka dni tydzień tygodnia tygodni wczoraj dziś dzisiaj cześć dziękuję czy jak kiedy
        lewy prawy lewej prawej stronie"""),
}

# Word pieces that only one language builds long compounds from ("Rückenschmerzen").
_STEMS: dict[str, tuple[str, ...]] = {
    "German": ("schmerz", "rücken", "kopfweh"),
    "Dutch": ("pijn",),
    "Polish": ("bol", "ból"),
}

# Letters that English text practically never has and that point at one language.
_LETTERS: dict[str, str] = {
    "Spanish": "ñ¿¡",
    "French": "çœêèëî",
    "German": "ßäöü",
    "Portuguese": "ãõ",
    "Polish": "ąęłńśźżć",
    "Italian": "òì",
}

# French and Italian elisions ("j'ai", "l'épaule", "dell'anca"): English has no such prefixes.
_ELISION = {"French": ("j'", "l'", "d'", "qu'", "c'", "n'", "m'", "s'"), "Italian": ("dell'", "all'", "nell'")}

_ENGLISH = _words("""
    i i'm im me my mine myself you your we our they them he she his her it its it's is are was were be been
    am have has had having do does did doing don't dont can can't cant could would should will won't not no
    yes and or but if so because when while since for from to of in on at by with about into over under
    after before up down out off the a an this that these those there here what which who how why where
    all any some very really just still also too much more most less bit lot get got getting feel feels
    feeling like pain hurts hurt hurting ache aches aching sore back neck head shoulder shoulders knee
    leg arm hip foot hand side left right day days week weeks month months year years today yesterday
    night morning time sitting sit standing walking driving work desk worse better bad good now then
    been keep keeps started start thanks thank please hi hello hey ok okay yeah yep nope pls thx tbh lol
""")
_ENGLISH_HINT = re.compile(r"^(?:[a-z]+'(?:s|t|m|re|ve|ll|d))$")


def _tokens(text: str) -> list[str]:
    return [t.replace("’", "'") for t in _TOKEN.findall(text.lower())]


def _is_foreign(token: str, language: str) -> bool:
    if token in LANGUAGES[language]:
        return True
    if any(token.startswith(prefix) and len(token) > len(prefix) for prefix in _ELISION.get(language, ())):
        return True
    return any(stem in token and len(token) > len(stem) + 2 for stem in _STEMS.get(language, ()))


def language_scores(text: str) -> tuple[int, dict[str, int], int]:
    """English word count, foreign word count per language (plus one for telltale letters), tokens."""
    tokens = _tokens(text)
    english = sum(1 for t in tokens if t in _ENGLISH or _ENGLISH_HINT.match(t))
    scores: dict[str, int] = {}
    lowered = text.lower()
    for language in LANGUAGES:
        hits = sum(1 for t in tokens if _is_foreign(t, language))
        if hits and any(letter in lowered for letter in _LETTERS.get(language, "")):
            hits += 1
        scores[language] = hits
    return english, scores, len(tokens)


def is_probably_not_english(text: str) -> str | None:
    """The language's English name when the message is clearly in another language, else None."""
    english, scores, total = language_scores(text)
    if total == 0:
        return None
    language, hits = max(scores.items(), key=lambda item: (item[1], -list(LANGUAGES).index(item[0])))
    if hits >= _MIN_HITS and hits > english and hits >= _MIN_SHARE * total:
        return language
    return None
