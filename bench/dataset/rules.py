"""The persona-tagging rules of plugins/dataset_personas, translated by hand to Python.

Shared by both benchmark peers (peer_plain.py, peer_datatrove.py), so they tag exactly as
`persona-host dataset tag` does with that plugin: sources first, then rules (first match wins),
then the fallback; traits from the reply's text measures (Sources/Builtins/Text/TextMeasures.swift).
Standard library only.
"""

import json
import os
import re
from collections import Counter

# --- init.lua ---------------------------------------------------------------------------------

SOURCE_FIELD = "source"
FALLBACK = "conversational_agent"

# --- categories.lua ---------------------------------------------------------------------------

CATEGORIES = [
    ("Technical", (0.25, 0.30), ["code_expert", "debugging_assistant", "problem_solver"]),
    ("Empathetic", (0.20, 0.25), ["empathetic_counselor", "supportive"]),
    ("Analytical", (0.15, 0.20), ["analytical_reasoner", "critical_debater", "math_tutor"]),
    ("Creative", (0.10, 0.15), ["creative_storyteller", "narrative_writer"]),
    ("Conversational", (0.10, 0.15), ["conversational_agent", "multi_turn"]),
    ("Tool/API", (0.08, 0.12), ["tool_orchestrator", "api_specialist"]),
    ("Factual", (0.08, 0.12), ["factual_informant", "qa_specialist"]),
    ("Specialized", (0.05, 0.10), ["esoteric_scholar", "safety_guardian"]),
]
CATEGORY_OF = {p: name for name, _, personas in CATEGORIES for p in personas}

# --- sources.lua ------------------------------------------------------------------------------

SOURCES = [
    ("mental_health", "empathetic_counselor"),
    ("empathetic_dialogues", "empathetic_counselor"),
    ("emotional_support", "supportive"),
    ("persona_chat", "conversational_agent"),
    ("daily_dialog", "conversational_agent"),
    ("wizardlm", "multi_turn"),
    ("sharegpt", "multi_turn"),
    ("function_calling", "tool_orchestrator"),
    ("toolbench", "tool_orchestrator"),
    ("ethics", "critical_debater"),
    ("moral_stories", "critical_debater"),
    ("cot_collection", "analytical_reasoner"),
    ("arc_challenge", "analytical_reasoner"),
]

# --- rules.lua (first match wins; default fields: instruction and input) -----------------------

RULES = [
    ("safety_guardian", {"phrases": ["jailbreak", "bypass the filter", "is it safe to", "hack into", "self-harm"]}),
    ("debugging_assistant", {"phrases": ["traceback", "stack trace", "segfault", "exception", "bug", "error:", "doesn't work"]}),
    ("api_specialist", {"phrases": ["rest api", "endpoint", "http request", "oauth", "webhook", "graphql"]}),
    ("tool_orchestrator", {"phrases": ["call the function", "function call", "use the tool", "tools available"]}),
    ("code_expert", {"phrases": ["python", "javascript", "rust", "sql", "function", "class", "algorithm", "write code",
                                 "binary search", "regex"]}),
    ("math_tutor", {"pattern": "[0-9]+ *[-+*/^] *[0-9]+|equation|derivative|integral|solve for"}),
    ("critical_debater", {"phrases": ["argue", "debate", "counterargument", "is it ethical", "pros and cons", "moral"]}),
    ("analytical_reasoner", {"phrases": ["step by step", "why does", "what causes", "reason about", "analyze", "compare"]}),
    ("empathetic_counselor", {"phrases": ["anxiety", "anxious", "depressed", "lonely", "grief", "overwhelmed", "struggling"]}),
    ("supportive", {"phrases": ["encourage me", "motivate", "cheer me up", "i feel", "rough day"]}),
    ("creative_storyteller", {"phrases": ["write a story", "short story", "tale", "once upon", "fairy tale", "dragon"]}),
    ("narrative_writer", {"phrases": ["write a poem", "poem", "screenplay", "narrative", "describe a scene"]}),
    ("esoteric_scholar", {"phrases": ["tarot", "alchemy", "archetype", "mysticism", "kabbalah", "hermetic"]}),
    ("problem_solver", {"phrases": ["how do i fix", "troubleshoot", "plan for", "optimize", "figure out"]}),
    ("qa_specialist", {"pattern": "^(who|when|where|which) "}),
    ("factual_informant", {"phrases": ["what is", "define", "explain", "history of", "facts about"]}),
]

# --- traits.lua (default field: output; a list means any of its condition sets) ---------------

TRAITS = {
    "formal": {"contractions": (None, 0), "exclamations": (None, 0), "average_word_length": (4.7, None)},
    "casual": [
        {"contractions": (2, None)},
        {"exclamations": (1, None)},
        {"phrases": ["hey", "yeah", "gonna", "kinda", "lol", "awesome"]},
    ],
    "detailed": {"words": (120, None)},
    "brief": {"words": (None, 40)},
    "supportive": {"phrases": ["i understand", "you're not alone", "it's okay", "that sounds hard", "be gentle"]},
    "positive": {"phrases": ["great", "wonderful", "glad", "you can do", "good news"]},
    "stepwise": {"pattern": "(^|\n) *(1\\.|step 1|first,)"},
}

# --- Text measures (TextMeasures.swift), with regular expressions instead of a per-character loop

# A word: runs of letters and digits; an apostrophe before a letter, and "." or "," between two
# digits, stay inside it. [^\W_] is a letter or digit, [^\W\d_] a letter.
_WORD = r"[^\W_]+(?:(?:['\u2019](?=[^\W\d_])|(?<=\d)[.,](?=\d))[^\W_]+)*"
_SPLIT = re.compile("(" + _WORD + ")")  # split() alternates gaps and words
_STOP = re.compile("[.!?\u2026\n\r\x0b\x0c\x85\u2028\u2029]")
_INNER = re.compile("['\u2019.,]")
_STOPS = ".!?\u2026\n\r\x0b\x0c\x85\u2028\u2029"
_ENDS = re.compile("\x01[^\x01" + _STOPS + "]*[" + _STOPS + "]")  # a word, then its gap up to a stop
_QUESTIONS = re.compile("\x01[^\x01?]*[?]")                         # a word, then a "?" in its gap
_MARKS = re.compile("['\u2019.,](?:(?<=[^\\W_]['\u2019])(?=[^\\W\\d_])|(?<=\\d[.,])(?=\\d))")  # inside words
# Emoji: a scalar shown as emoji (presentation blocks, or U+1F300 and above), a text-style symbol
# followed by U+FE0F, or a flag; skin tones, U+FE0F and ZWJ sequences stay in the same character.
_E = ("[\U0001F300-\U0001FAFF\U0001F004\U0001F0CF\U0001F18E\U0001F191-\U0001F19A\u231A\u231B\u23E9-\u23EC\u23F0\u23F3"
      "\u25FD\u25FE\u2614\u2615\u2648-\u2653\u267F\u2693\u26A1\u26AA\u26AB\u26BD\u26BE\u26C4\u26C5\u26CE\u26D4\u26EA"
      "\u26F2\u26F3\u26F5\u26FA\u26FD\u2705\u270A\u270B\u2728\u274C\u274E\u2753-\u2755\u2757\u2795-\u2797\u27B0\u27BF"
      "\u2B1B\u2B1C\u2B50\u2B55]|[\u00A9\u00AE\u203C-\u3299]\uFE0F")
_EMOJI = re.compile("(?:[\U0001F1E6-\U0001F1FF]{2}|(?:" + _E + ")(?:[\U0001F3FB-\U0001F3FF\uFE0F]|\u200D(?:" + _E + "|[\u2600-\u27BF]))*)")

LONG_WORD = 7
CONTRACTING_STEMS = {
    "it", "he", "she", "that", "what", "where", "who", "there", "here", "how", "when", "why", "let", "this",
    "everyone", "everybody", "everything", "someone", "somebody", "something", "nobody", "nothing",
}


def is_contraction(word):
    """Whether `word` (lowercased, apostrophes as ') is a contraction (don't, I'm, it's; not John's)."""
    stem, mark, tail = word.rpartition("'")
    if not mark:
        return False
    if tail == "t":
        return stem.endswith("n")
    if tail in ("m", "re", "ve", "ll", "d"):
        return True
    return tail == "s" and stem in CONTRACTING_STEMS


def measures(text):
    """The host's text measures of `text`, as the dict plugins see (snake_case keys).

    Words come from one regex split; the sentence and question counts from the gaps between
    them ("skeleton": the gaps joined by \x01, one per word), so no Python loop runs per character.
    """
    parts = _SPLIT.split(text)
    words = parts[1::2]
    n = len(words)
    sentences = questions = letters = long_words = contractions = 0
    if n:
        skeleton = "\x01".join(parts[::2])
        if "\x01" in text:  # a control character of our own in the text: count gap by gap
            gaps = parts[2::2]
            sentences = 1 + sum(1 for g in gaps[:-1] if _STOP.search(g))
            questions = sum(1 for g in gaps if "?" in g)
        else:
            # A sentence ends at the first stop after a word; text without a final stop still ends one.
            sentences = len(_ENDS.findall(skeleton)) + (0 if _STOP.search(parts[-1]) else 1)
            questions = len(_QUESTIONS.findall(skeleton))
        # Apostrophes, and "." or "," between digits, are inside words but are not letters.
        letters = len(text) - len(skeleton) + n
        if "'" in text or "\u2019" in text or "." in text or "," in text:
            letters -= len(_MARKS.findall(text))
        long_words = [w for w in words if len(w) >= LONG_WORD]
        long_words = sum(1 for w in long_words if w.isalnum() or len(w) - len(_INNER.findall(w)) >= LONG_WORD)
        if "'" in text or "\u2019" in text:
            marked = [w for w in words if not w.isalnum()]
            contractions = sum(1 for w in marked if is_contraction(w.lower().replace("\u2019", "'")))
    return {
        "length": len(text) - text.count("\r\n"),
        "words": n,
        "sentences": sentences,
        "sentence_length": n / sentences if sentences else 0.0,
        "average_word_length": letters / n if n else 0.0,
        "contractions": contractions,
        "exclamations": text.count("!"),
        "emoji": len(_EMOJI.findall(text)) if not text.isascii() else 0,
        "long_word_share": long_words / n if n else 0.0,
        "questions": questions,
    }


# --- Condition sets ---------------------------------------------------------------------------

def _is_word_char(c):
    """A word character for phrase matching: an ASCII letter or digit, or any non-ASCII character."""
    return c.isalnum() if c.isascii() else True


class Phrases:
    """Phrases matched as whole words in lowercased text: the text before and after an occurrence
    must not be a word character where the phrase itself starts or ends with one."""

    def __init__(self, phrases):
        self.phrases = [(p.lower(), _is_word_char(p[0]), _is_word_char(p[-1])) for p in phrases]

    def search(self, text):
        for p, left, right in self.phrases:
            i = text.find(p)
            while i >= 0:
                j = i + len(p)
                if (not left or i == 0 or not _is_word_char(text[i - 1])) and (
                        not right or j == len(text) or not _is_word_char(text[j])):
                    return True
                i = text.find(p, i + 1)
        return False


class ConditionSet:
    """A rule's or a trait's conditions: phrases, a pattern and measure bounds, all must hold."""

    def __init__(self, spec, default_fields):
        self.fields = spec.get("fields", default_fields)
        self.phrases = Phrases(spec["phrases"]) if "phrases" in spec else None
        self.pattern = re.compile(spec["pattern"], re.IGNORECASE) if "pattern" in spec else None
        self.bounds = [(k, v) for k, v in spec.items() if k not in ("fields", "phrases", "pattern")]

    def holds(self, texts, lowered, reply_measures):
        """`texts` / `lowered`: field -> text (as is / lowercased); `reply_measures`: a callable."""
        if self.phrases and not any(self.phrases.search(lowered(f)) for f in self.fields):
            return False
        if self.pattern and not any(self.pattern.search(texts[f]) for f in self.fields):
            return False
        if self.bounds:
            m = reply_measures()
            for key, (low, high) in self.bounds:
                if (low is not None and m[key] < low) or (high is not None and m[key] > high):
                    return False
        return True


_RULES = [(persona, ConditionSet(spec, ("instruction", "input"))) for persona, spec in RULES]
_TRAITS = [(name, [ConditionSet(s, ("output",)) for s in (spec if isinstance(spec, list) else [spec])])
           for name, spec in sorted(TRAITS.items())]
# A leading "<persona:NAME>" line (NAME: 1-100 characters, no "<" or line break), its "\n" optional.
_PREFIX = re.compile(r"<persona:[^<>\n]{1,100}>\n?")


def _text(record, field):
    value = record.get(field, "")
    return value if isinstance(value, str) else ""


def file_source(path):
    """The source name of examples without a `source` field: the file's name without extensions."""
    name = os.path.basename(path)
    for ext in (".gz", ".jsonl", ".json"):
        if name.endswith(ext):
            name = name[: -len(ext)]
    return name


def classify(record, default_source):
    """(persona, traits) of one example; `record["instruction"]` must already be unprefixed."""
    texts = {"instruction": _text(record, "instruction"), "input": _text(record, "input"), "output": _text(record, "output")}
    low = {}

    def lowered(field):
        if field not in low:
            low[field] = texts[field].lower() if field in texts else _text(record, field).lower()
        return low[field]

    cached = []

    def reply_measures():
        if not cached:
            cached.append(measures(texts["output"]))
        return cached[0]

    source = record.get(SOURCE_FIELD)
    source = (source if isinstance(source, str) else default_source).lower()
    persona = next((p for match, p in SOURCES if match in source), None)
    if persona is None:
        persona = next((p for p, cond in _RULES if cond.holds(texts, lowered, reply_measures)), FALLBACK)
    traits = [name for name, sets in _TRAITS if any(s.holds(texts, lowered, reply_measures) for s in sets)]
    return persona, traits


def tag(record, default_source):
    """The tagged example: a "<persona:NAME>\\n" line before the instruction (replacing one already
    there, which the rules do not see), then `_persona` and `_traits` as the last fields."""
    instruction = _text(record, "instruction")
    if instruction.startswith("<persona:"):
        instruction = _PREFIX.sub("", instruction, count=1)
    record["instruction"] = instruction
    for stale in ("_persona", "_traits", "_repeat"):
        record.pop(stale, None)
    persona, traits = classify(record, default_source)
    record["instruction"] = f"<persona:{persona}>\n{instruction}"
    record["_persona"] = persona
    record["_traits"] = traits
    return record


class Stats:
    """Counts over tagged examples: per persona, category, trait, and trait within persona."""

    def __init__(self):
        self.examples = 0
        self.personas = Counter()
        self.traits = Counter()
        self.persona_traits = Counter()

    def add(self, persona, traits):
        self.examples += 1
        self.personas[persona] += 1
        for t in traits:
            self.traits[t] += 1
            self.persona_traits[(persona, t)] += 1

    def summary(self):
        """The JSON summary (the keys `persona-host dataset stats --json` uses for these counts)."""
        n = self.examples or 1
        known = [p for _, _, ps in CATEGORIES for p in ps]
        order = known + sorted(p for p in self.personas if p not in CATEGORY_OF)
        categories = []
        for name, (low, high), ps in CATEGORIES:
            count = sum(self.personas[p] for p in ps)
            categories.append({"name": name, "count": count, "share": count / n, "target": [low, high]})
        return {
            "examples": self.examples,
            "personas": [{"name": p, "count": self.personas[p], "share": self.personas[p] / n,
                          "category": CATEGORY_OF.get(p),
                          "traits": {t: self.persona_traits[(p, t)] for t, _ in _TRAITS if self.persona_traits[(p, t)]}}
                         for p in order],
            "categories": categories,
            "traits": [{"name": t, "count": self.traits[t], "share": self.traits[t] / n} for t, _ in _TRAITS],
        }

    def dumps(self):
        return json.dumps(self.summary(), indent=2, ensure_ascii=False)
