"""Words and numbers: the label sets (the fixed wording, one file per language), number,
money and date formats by locale, and the text measurer that decides what fits."""
