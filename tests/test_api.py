

# ---- a large cluster of short articles fills its budget (item 6)

LEADS = ["The river Wend burst its banks in Marlow on Monday after heavy rain.",
         "Floodwater from the Wend swamped the centre of Marlow on Monday morning.",
         "Heavy rain sent the river Wend into the streets of Marlow on Monday."]
FACTS = ["Twelve people were rescued from rooftops.", "Crews saved {n} people by boat.",
         "About {h} homes were flooded.", "The mayor called in the army.", "Schools stay shut until Thursday.",
         "More rain is forecast.", "The Oxford railway line is closed.", "Volunteers filled sandbags overnight.",
         "Insurers expect large claims.", "A shelter opened at the sports centre.",
         "Engineers will inspect the old bridge.", "A severe flood warning is in force.",
         "Power is out in {p} homes.", "Residents said warnings came late.", "The prime minister will visit.",
         "Water levels fell on Tuesday.", "Two care homes were evacuated.", "Roads into town are blocked.",
         "Police urged drivers to stay away.", "The council set up a helpline.", "A farmer lost forty sheep.",
         "The football ground is under water.", "Bus services were suspended.", "A pub served free soup.",
         "Army trucks brought drinking water.", "The hospital postponed operations.",
         "Anglers found a stranded swan.", "Churches opened their halls.", "A bakery flooded for the third time.",
         "Hydrologists measured a record level."]


def short_articles(n=300, seed=6):
    import random

    rnd = random.Random(seed)
    return [" ".join([rnd.choice(LEADS)] + [f.format(n=rnd.choice([10, 12]), h=rnd.choice([200, 250]),
                                                     p=rnd.choice([1500, 2000])) for f in rnd.sample(FACTS, 3)])
            for _ in range(n)]


def test_300_short_articles_fill_the_word_budget():
    b = newsweave.brief(short_articles(), words=200, analyze=False)
    words = sum(s.sentence.words for s in b.summary)
    assert 180 <= words <= 200, words
    md = b.to_markdown()
    assert "and 29" not in md or "more" in md  # also_in shows three and "and N more"
