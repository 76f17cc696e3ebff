#!/usr/bin/env python3
"""Writes the corpus of broken banks used by tests/validator.rs: one file per problem the validator
must name. Run it again after changing the base bank: python3 tests/broken-banks/make.py"""
import copy, json, os

HERE = os.path.dirname(os.path.abspath(__file__))

def t(zh, en):
    return {"zh": zh, "en": en}

BASE = {
    "format": 1, "id": "BANKID", "topic": "fraud", "version": 1, "reviewed": "2026-11-01",
    "title": t("测试题库", "Test bank"), "description": t("用于测试校验器。", "For testing the validator."),
    "questions": [
        {
            "id": "q1", "type": "single",
            "prompt": t("陌生人要你的短信验证码，怎么办？", "A stranger asks for your SMS code. What do you do?"),
            "options": [
                {"id": "a", "text": t("告诉他", "Tell him")},
                {"id": "b", "text": t("拒绝并挂断", "Refuse and hang up"), "feedback": t("对。", "Right.")},
                {"id": "c", "text": t("先问他是谁", "Ask who he is first")},
            ],
            "answer": ["b"],
            "explanation": t("验证码不能告诉任何人。", "Never share a verification code."),
            "source": t("公安部刑侦局防骗提示", "MPS Criminal Investigation Bureau guidance"),
            "difficulty": 1, "audience": ["elderly", "everyone"], "tags": ["code"],
        },
        {
            "id": "q2", "type": "multiple",
            "prompt": t("哪些是诈骗信号？", "Which are signs of a scam?"),
            "options": [
                {"id": "a", "text": t("要求转账到安全账户", "A transfer to a 'safe account'")},
                {"id": "b", "text": t("要求共享屏幕", "A request to share your screen")},
                {"id": "c", "text": t("银行柜台办理存款", "Depositing at a bank counter")},
            ],
            "answer": ["a", "b"],
            "explanation": t("安全账户和共享屏幕都是诈骗信号。", "Both are scam signs."),
            "source": t("公安部刑侦局防骗提示", "MPS Criminal Investigation Bureau guidance"),
            "difficulty": 2, "audience": ["everyone"],
        },
        {
            "id": "q3", "type": "true_false",
            "prompt": t("接到96110来电应当接听。", "You should answer a call from 96110."),
            "options": [{"id": "true", "text": t("正确", "True")}, {"id": "false", "text": t("错误", "False")}],
            "answer": ["true"],
            "explanation": t("96110是反诈预警劝阻专线。", "96110 is the anti-fraud warning line."),
            "source": t("公安部刑侦局", "MPS Criminal Investigation Bureau"),
            "difficulty": 1, "audience": ["elderly"],
            "read_aloud": {"zh": "接到九六一一零来电应当接听。"},
        },
    ],
}

def bank(name, mutate=None):
    b = copy.deepcopy(BASE)
    b["id"] = name
    if mutate:
        mutate(b)
    return b

def write(name, data, raw=None):
    path = os.path.join(HERE, name + ".json")
    if raw is not None:
        open(path, "wb").write(raw)
    else:
        open(path, "w", encoding="utf-8").write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")

def q(b, i):
    return b["questions"][i]

good = json.dumps(bank("syntax"), ensure_ascii=False, indent=2)
write("syntax", None, raw=good.replace('"version": 1,', '"version": 1', 1).encode())
write("gbk", None, raw=json.dumps(bank("gbk"), ensure_ascii=False, indent=2).encode("gbk"))
write("utf16", None, raw=json.dumps(bank("utf16"), ensure_ascii=False, indent=2).encode("utf-16"))
write("bom", None, raw=b"\xef\xbb\xbf" + json.dumps(bank("bom"), ensure_ascii=False, indent=2).encode())
write("chinese-quotes", None, raw=json.dumps(bank("chinese-quotes"), ensure_ascii=False, indent=2)
      .replace('"difficulty"', '“difficulty”', 1).encode())
write("format-2", bank("format-2", lambda b: b.update(format=2)))
write("no-format", bank("no-format", lambda b: b.pop("format")))
write("unknown-field", bank("unknown-field", lambda b: q(b, 0).update(explaination=q(b, 0).pop("explanation"))))
write("missing-english", bank("missing-english", lambda b: q(b, 1)["prompt"].pop("en")))
write("empty-chinese", bank("empty-chinese", lambda b: q(b, 0)["options"][2]["text"].update(zh="  ")))
write("duplicate-id", bank("duplicate-id", lambda b: q(b, 2).update(id="q1")))
write("duplicate-option", bank("duplicate-option", lambda b: q(b, 0)["options"][2].update(id="a")))
write("answer-not-option", bank("answer-not-option", lambda b: q(b, 0).update(answer=["d"])))
write("answer-not-list", bank("answer-not-list", lambda b: q(b, 0).update(answer="b")))
write("single-two-answers", bank("single-two-answers", lambda b: q(b, 0).update(answer=["a", "b"])))
write("multiple-one-answer", bank("multiple-one-answer", lambda b: q(b, 1).update(answer=["a"])))
write("true-false-three-options", bank("true-false-three-options",
      lambda b: q(b, 2)["options"].append({"id": "maybe", "text": t("不确定", "Not sure")})))
write("one-option", bank("one-option", lambda b: q(b, 0).update(options=q(b, 0)["options"][:1], answer=["a"])))
write("missing-explanation", bank("missing-explanation", lambda b: q(b, 1).pop("explanation")))
write("missing-source", bank("missing-source", lambda b: q(b, 2).pop("source")))
write("bad-type", bank("bad-type", lambda b: q(b, 0).update(type="choice")))
write("bad-difficulty", bank("bad-difficulty", lambda b: q(b, 0).update(difficulty=5)))
write("bad-audience", bank("bad-audience", lambda b: q(b, 0).update(audience=["seniors"])))
write("bad-date", bank("bad-date", lambda b: q(b, 0).update(valid_until="2027-02-30")))
write("bad-topic", bank("bad-topic", lambda b: b.update(topic="loans")))
write("wrong-file-name", bank("another-name"))
write("no-questions", bank("no-questions", lambda b: b.update(questions=[])))
write("expired", bank("expired", lambda b: q(b, 0).update(valid_until="2020-01-01")))
write("too-long", bank("too-long", lambda b: q(b, 0)["prompt"].update(zh="长" * 130)))
def many(b):
    q(b, 0).update(answer=["z"])
    q(b, 1)["prompt"].update(en="")
    q(b, 2).pop("source")
    b.update(topic="loans")
    q(b, 0).update(explaination="typo")
write("many-problems", bank("many-problems", many))

# The bank every broken bank starts from, with no problem at all.
write("base", bank("base"))
write("bad-id", bank("bad-id", lambda b: q(b, 0).update(id="Q_1")))
write("duplicate-answer", bank("duplicate-answer", lambda b: q(b, 1).update(answer=["a", "b", "a"])))
write("no-answer", bank("no-answer", lambda b: q(b, 0).update(answer=[])))
write("too-many-options", bank("too-many-options", lambda b: q(b, 0)["options"].extend(
    {"id": i, "text": t("选项" + i, "Option " + i)} for i in ["d", "e", "f", "g"])))
def all_expired(b):
    for x in b["questions"]:
        x["valid_until"] = "2020-01-01"
write("all-expired", bank("all-expired", all_expired))
write("empty-read-aloud", bank("empty-read-aloud", lambda b: q(b, 2).update(read_aloud={})))

# True/false options keep their order on screen: six of six answered "true" is guessable.
def true_false_six(b):
    for n in range(4, 9):
        x = copy.deepcopy(q(b, 2))
        x["id"] = f"q{n}"
        # A prompt of its own: copies of one prompt would be duplicates (another warning).
        x["prompt"] = t(f"判断第{n}题", f"Statement {n}")
        x.pop("read_aloud")
        b["questions"].append(x)
write("true-false-imbalance", bank("true-false-imbalance", true_false_six))
# Single and multiple choice options are shuffled: every answer written first is not a problem.
def answers_first(b):
    for n in range(4, 16):
        x = copy.deepcopy(q(b, 0))
        x["id"] = f"q{n}"
        x["prompt"] = t(f"单选第{n}题", f"Question {n}")
        x["options"].insert(0, x["options"].pop(1))
        b["questions"].append(x)
    b["questions"][0]["options"].insert(0, b["questions"][0]["options"].pop(1))
write("answers-written-first", bank("answers-written-first", answers_first))

# The same key twice: JSON readers keep one value silently, so the answer could change unseen.
text = json.dumps(bank("duplicate-key"), ensure_ascii=False, indent=2)
first_answer = '      "answer": [\n        "b"\n      ],\n'
assert first_answer in text
write("duplicate-key", None, raw=text.replace(
    first_answer, first_answer + '      "answer": [\n        "c"\n      ],\n', 1).encode())
text = json.dumps(bank("duplicate-keys"), ensure_ascii=False, indent=2)
for once, twice in [
    ('  "topic": "fraud",\n', '  "topic": "fraud",\n  "topic": "rights",\n'),
    ('"en": "Refuse and hang up"', '"en": "Refuse and hang up",\n            "en": "Tell him"'),
    ('"id": "c",', '"id": "c",\n          "id": "b",'),
    ('"zh": "接到九六一一零来电应当接听。"', '"zh": "接到九六一一零来电应当接听。",\n        "zh": "别接"'),
]:
    assert once in text, once
    text = text.replace(once, twice, 1)
write("duplicate-keys", None, raw=text.encode())

# Plain text: control characters are errors, invisible characters and HTML warnings.
def controls(b):
    q(b, 0)["prompt"].update(en="\x1b[31mA stranger\x1b[0m asks for your SMS code. What do you do?")
    q(b, 0)["options"][1]["text"].update(zh="拒绝\u202e并挂断")
    q(b, 1)["explanation"].update(zh="安全账户\x00和共享屏幕都是诈骗信号。")
write("control-characters", bank("control-characters", controls))
write("invisible-character", bank("invisible-character",
      lambda b: q(b, 0)["prompt"].update(zh="陌生人要你的短信\u200b验证码，怎么办？")))
def html(b):
    q(b, 0)["explanation"].update(en="<b>Never</b> share a verification code.")
    q(b, 1)["prompt"].update(zh="哪些是诈骗&nbsp;信号？")
write("html", bank("html", html))

# Options are shuffled: "以上都对" or "A and B" would point at the wrong options.
def positional(b):
    q(b, 1)["options"].append({"id": "d", "text": t("以上都对", "All of the above")})
    q(b, 1).update(answer=["a", "b"])
write("positional-option", bank("positional-option", positional))
def numbered(b):
    for i, o in enumerate(q(b, 0)["options"]):
        o["text"]["zh"] = "ABC"[i] + "、" + o["text"]["zh"]
write("numbered-options", bank("numbered-options", numbered))

# Chinese-only banks: English optional, one warning with the count; the field itself checked.
def chinese_only(b):
    b["languages"] = ["zh"]
    q(b, 0)["prompt"].pop("en")
    q(b, 1)["explanation"]["en"] = ""
write("chinese-only", bank("chinese-only", chinese_only))
write("bad-languages", bank("bad-languages", lambda b: b.update(languages=["en"])))

# Hazards of banks written elsewhere: a paper's question number, options in one cell, a repeat.
write("numbered-prompt", bank("numbered-prompt",
      lambda b: q(b, 0)["prompt"].update(zh="1、陌生人要你的短信验证码，怎么办？")))
write("glued-options", bank("glued-options",
      lambda b: q(b, 0)["options"][0]["text"].update(zh="A.告诉他 B.拒绝")))
def repeated(b):
    copy_of_first = copy.deepcopy(q(b, 0))
    copy_of_first["id"] = "q4"
    copy_of_first["prompt"]["zh"] = "陌生人要你的短信验证码 怎么办"
    b["questions"].append(copy_of_first)
write("duplicate-prompt", bank("duplicate-prompt", repeated))

# A broken file can have a problem every few bytes (nine missing fields per "{}"): a report lists
# the first thousand and counts the rest.
write("too-many-problems", bank("too-many-problems", lambda b: b.update(questions=[{}] * 200)))
