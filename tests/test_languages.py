"""Every language we list, end to end, on a short text of our own writing in it: the text is split
into its sentences and the briefing quotes whole sentences. Chinese, Japanese and Thai run through
their segmenter extras (in the test extra); without one, asking for the language names it."""

from __future__ import annotations

import pytest

from summarize import Document, OptionsError, Summarizer, summarize
from summarize import language as language_module
from summarize.cli import main
from summarize.defaults import LANGUAGES
from summarize.language import get_language

# Sentence-final punctuation where it is not the period; Thai marks a sentence end with a space.
ENDINGS = {"chinese": "。", "japanese": "。", "thai": ""}

TEXTS = {
    "arabic": (
        "وافق مجلس المدينة على الميزانية الجديدة يوم الاثنين بعد نقاش طويل. "
        "قال رئيس البلدية إن الخطة ستمول المدارس والطرق لمدة خمس سنوات. "
        "سيبدأ العمل على الجسر الجديد في الربيع المقبل."
    ),
    "chinese": (
        "市议会星期一经过长时间辩论后批准了新预算。"
        "市长说，这项计划将在五年内为学校和道路提供资金。"
        "新桥的工程将于明年春天开始。"
    ),
    "czech": (
        "Městská rada v pondělí po dlouhé debatě schválila nový rozpočet. "
        "Starosta řekl, že plán zaplatí školy a silnice na pět let. "
        "Práce na novém mostě začnou příští jaro."
    ),
    "danish": (
        "Byrådet godkendte mandag det nye budget efter en lang debat. "
        "Borgmesteren sagde, at planen vil betale for skoler og veje i fem år. "
        "Arbejdet på den nye bro begynder næste forår."
    ),
    "dutch": (
        "De gemeenteraad keurde maandag na een lang debat de nieuwe begroting goed. "
        "De burgemeester zei dat het plan vijf jaar lang scholen en wegen betaalt. "
        "Het werk aan de nieuwe brug begint volgend voorjaar."
    ),
    "english": (
        "The city council approved the new budget on Monday after a long debate. "
        "The mayor said the plan will pay for schools and roads for five years. "
        "Work on the new bridge will start next spring."
    ),
    "finnish": (
        "Kaupunginvaltuusto hyväksyi uuden talousarvion maanantaina pitkän keskustelun jälkeen. "
        "Pormestarin mukaan suunnitelma rahoittaa kouluja ja teitä viiden vuoden ajan. "
        "Uuden sillan rakentaminen alkaa ensi keväänä."
    ),
    "french": (
        "Le conseil municipal a approuvé lundi le nouveau budget après un long débat. "
        "Le maire a dit que le plan financera les écoles et les routes pendant cinq ans. "
        "Les travaux du nouveau pont commenceront au printemps prochain."
    ),
    "german": (
        "Der Stadtrat hat am Montag nach langer Debatte den neuen Haushalt beschlossen. "
        "Der Bürgermeister sagte, der Plan bezahle fünf Jahre lang Schulen und Straßen. "
        "Die Arbeiten an der neuen Brücke beginnen im nächsten Frühjahr."
    ),
    "greek": (
        "Το δημοτικό συμβούλιο ενέκρινε τη Δευτέρα τον νέο προϋπολογισμό μετά από μακρά συζήτηση. "
        "Ο δήμαρχος είπε ότι το σχέδιο θα χρηματοδοτήσει σχολεία και δρόμους για πέντε χρόνια. "
        "Οι εργασίες στη νέα γέφυρα θα αρχίσουν την επόμενη άνοιξη."
    ),
    "hebrew": (
        "מועצת העיר אישרה ביום שני את התקציב החדש לאחר דיון ארוך. "
        "ראש העיר אמר שהתוכנית תממן בתי ספר וכבישים במשך חמש שנים. "
        "העבודות על הגשר החדש יתחילו באביב הבא."
    ),
    "hungarian": (
        "A városi tanács hétfőn hosszú vita után elfogadta az új költségvetést. "
        "A polgármester szerint a terv öt évig finanszírozza az iskolákat és az utakat. "
        "Az új híd építése jövő tavasszal kezdődik."
    ),
    "italian": (
        "Il consiglio comunale ha approvato lunedì il nuovo bilancio dopo un lungo dibattito. "
        "Il sindaco ha detto che il piano finanzierà scuole e strade per cinque anni. "
        "I lavori sul nuovo ponte inizieranno la prossima primavera."
    ),
    "japanese": (
        "市議会は月曜日、長い議論の末に新しい予算を承認した。"
        "市長は、この計画で五年間、学校と道路に資金を出すと述べた。"
        "新しい橋の工事は来年の春に始まる。"
    ),
    "korean": (
        "시의회는 월요일 오랜 토론 끝에 새 예산을 승인했다. "
        "시장은 이 계획이 5년 동안 학교와 도로에 자금을 댈 것이라고 말했다. "
        "새 다리 공사는 내년 봄에 시작된다."
    ),
    "norwegian": (
        "Bystyret vedtok mandag det nye budsjettet etter en lang debatt. "
        "Ordføreren sa at planen skal betale for skoler og veier i fem år. "
        "Arbeidet med den nye brua starter neste vår."
    ),
    "polish": (
        "Rada miasta zatwierdziła w poniedziałek nowy budżet po długiej debacie. "
        "Burmistrz powiedział, że plan przez pięć lat sfinansuje szkoły i drogi. "
        "Prace przy nowym moście ruszą wiosną przyszłego roku."
    ),
    "portuguese": (
        "A câmara municipal aprovou na segunda-feira o novo orçamento depois de um longo debate. "
        "O prefeito disse que o plano vai pagar escolas e estradas durante cinco anos. "
        "As obras da nova ponte começam na próxima primavera."
    ),
    "romanian": (
        "Consiliul local a aprobat luni noul buget după o dezbatere lungă. "
        "Primarul a spus că planul va finanța școli și drumuri timp de cinci ani. "
        "Lucrările la noul pod vor începe în primăvara viitoare."
    ),
    "russian": (
        "Городской совет в понедельник после долгих споров утвердил новый бюджет. "
        "Мэр сказал, что план оплатит школы и дороги на пять лет. "
        "Работы на новом мосту начнутся следующей весной."
    ),
    "slovak": (
        "Mestské zastupiteľstvo v pondelok po dlhej diskusii schválilo nový rozpočet. "
        "Primátor povedal, že plán zaplatí školy a cesty na päť rokov. "
        "Práce na novom moste sa začnú budúcu jar."
    ),
    "spanish": (
        "El ayuntamiento aprobó el lunes el nuevo presupuesto tras un largo debate. "
        "El alcalde dijo que el plan pagará escuelas y carreteras durante cinco años. "
        "Las obras del nuevo puente empezarán la próxima primavera."
    ),
    "swedish": (
        "Kommunfullmäktige godkände på måndagen den nya budgeten efter en lång debatt. "
        "Borgmästaren sa att planen ska betala skolor och vägar i fem år. "
        "Arbetet med den nya bron börjar nästa vår."
    ),
    "thai": (
        "สภาเมืองอนุมัติงบประมาณใหม่เมื่อวันจันทร์หลังจากการอภิปรายอันยาวนาน "
        "นายกเทศมนตรีกล่าวว่าแผนนี้จะให้เงินแก่โรงเรียนและถนนเป็นเวลาห้าปี "
        "การก่อสร้างสะพานใหม่จะเริ่มในฤดูใบไม้ผลิปีหน้า"
    ),
    "ukrainian": (
        "Міська рада в понеділок після тривалої дискусії затвердила новий бюджет. "
        "Мер сказав, що план оплатить школи та дороги на п'ять років. "
        "Роботи на новому мосту почнуться наступної весни."
    ),
}


def test_every_listed_language_has_a_text():
    assert set(TEXTS) == set(LANGUAGES)


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_a_language_splits_its_sentences_and_quotes_them_whole(language):
    text = TEXTS[language]
    summarizer = Summarizer(language=language)
    documents = [Document(id="a", text=text)]
    sentences = summarizer.split(summarizer.clean(documents))
    assert len(sentences) == 3, [s.text for s in sentences]
    briefing = summarize([text], language=language, sentences=3)
    assert len(briefing.sentences) >= 2
    whole = {s.text for s in sentences}
    for sentence in briefing.sentences:
        assert sentence.text in whole and sentence.text.endswith(ENDINGS.get(language, "."))
        assert text[sentence.start : sentence.end] == sentence.text


@pytest.mark.parametrize("language", sorted(ENDINGS))
def test_a_script_without_spaces_counts_segmented_words(language):
    resources = get_language(language)
    first = TEXTS[language].split(ENDINGS[language] or " ")[0]
    words = resources.words(first)
    # Several words, each a piece of the sentence, none of them punctuation.
    assert 4 <= len(words) == resources.word_count(first)
    assert all(word in first and any(char.isalnum() for char in word) for word in words)
    # A word budget counts those words: the first sentence alone fits its own count.
    briefing = summarize([TEXTS[language]], language=language, words=len(words))
    assert briefing.sentences and len(briefing.sentences) < 3


@pytest.fixture
def segmenter_missing(monkeypatch):
    extra, _modules, make = language_module.SEGMENTERS["chinese"]
    monkeypatch.setitem(language_module.SEGMENTERS, "chinese", (extra, ("no_such_segmenter",), make))
    language_module._segmenter.cache_clear()
    get_language.cache_clear()
    yield
    language_module._segmenter.cache_clear()
    get_language.cache_clear()


def test_a_missing_segmenter_names_the_extra_to_install(segmenter_missing):
    with pytest.raises(OptionsError, match=r"pip install 'summarize\[chinese\]'"):
        summarize([TEXTS["chinese"]], language="chinese")


def test_the_cli_says_which_extra_in_one_line(segmenter_missing, tmp_path, capsys):
    (tmp_path / "a.txt").write_text(TEXTS["chinese"], encoding="utf-8")
    assert main([str(tmp_path / "a.txt"), "--language", "chinese"]) == 2
    error = capsys.readouterr().err.strip()
    assert "\n" not in error and "summarize[chinese]" in error and "Traceback" not in error


FRENCH_ARTICLE = (
    "Les alliés occidentaux négocient une déclaration sur les garanties de sécurité pour l'Ukraine avant le "
    "sommet de l'OTAN à Vilnius. Selon quatre responsables, les discussions sont entrées dans leur phase "
    "finale et un accord pourrait être annoncé dès mardi.\n\n"
    "Les États-Unis, le Royaume-Uni, la France et l'Allemagne discutent depuis des semaines avec Kiev. "
    "Chaque pays devra ensuite déterminer avec l'Ukraine, de manière bilatérale, la nature de ses "
    "engagements, qui peuvent aller de la défense aérienne aux chars.\n"
)


def test_the_cli_warns_once_when_the_documents_are_not_in_the_language_asked(tmp_path, capsys):
    """Forgetting --language gives a briefing cleaned, stemmed and weighed as English: say so."""
    article = tmp_path / "article.txt"
    article.write_text(FRENCH_ARTICLE, encoding="utf-8")
    assert main([str(article), "-n", "2"]) == 0
    captured = capsys.readouterr()
    warnings = captured.err.splitlines()
    assert len(warnings) == 1 and "do not read as English" in warnings[0] and "--language" in warnings[0]
    assert captured.out  # the briefing is still written
    assert main([str(article), "-n", "2", "-q"]) == 0 and capsys.readouterr().err == ""
    assert main([str(article), "-n", "2", "--language", "french"]) == 0 and capsys.readouterr().err == ""


def test_the_library_hands_the_language_warning_to_on_warning():
    warnings: list[str] = []
    Summarizer()([FRENCH_ARTICLE], sentences=2, on_warning=warnings.append)
    assert len(warnings) == 1 and "--language" in warnings[0]
    warnings.clear()
    Summarizer(language="french")([FRENCH_ARTICLE], sentences=2, on_warning=warnings.append)
    assert warnings == []


def test_stories_warn_of_the_language_once_for_the_whole_input(tmp_path, capsys):
    pile = tmp_path / "pile"
    pile.mkdir()
    (pile / "otan.txt").write_text(FRENCH_ARTICLE, encoding="utf-8")
    (pile / "budget.txt").write_text(
        "Le conseil municipal a approuvé lundi le nouveau budget après un long débat. Le maire a déclaré que "
        "le plan financerait les écoles et les routes pendant cinq ans. Les travaux du nouveau pont "
        "commenceront au printemps prochain, selon la mairie, qui promet aussi de nouvelles pistes cyclables.\n",
        encoding="utf-8")
    assert main(["--stories", str(pile), "-n", "1"]) == 0
    captured = capsys.readouterr()
    assert captured.out.count("\n1. ") == 2  # two stories briefed
    warnings = captured.err.splitlines()
    assert len(warnings) == 1 and "do not read as English" in warnings[0], warnings
