"""The ground floor: English language resources every stage may use.

Nothing here imports a pipeline stage (or the data model): each word list, date grammar and
tokenizer is written once, in the module named for it, and the stages import it from here.

* ``words``   function words, asking words, the content-word tokenizer and stemmer
* ``lexicon`` people, organisations, titles and speech verbs
* ``dates``   months, weekdays and the date grammar
* ``places``  countries, capitals and regions (the gazetteer)
* ``lines``   line spans of a text, with and without removed stretches
* ``punkt``   the Punkt sentence tokenizer, loaded once
* ``nlp``     spaCy's English model, loaded once
* ``names``   the words of the people, organisations and places a text names
"""
