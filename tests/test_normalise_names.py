"""Tests for kb.normalise.names: real author names and lists from the seed documents."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kb.model import Name
from kb.normalise.names import (
    name_key,
    normalise_initials,
    normalise_name,
    organisation_prefix,
    parse_name,
    repair_family,
    split_author_list,
    split_authors,
    split_name,
)

# Every author of every entry of seed 000 (HAL thesis export), as written there, with the family
# name and initials expected after normalisation, written by hand. Damaged names (lower case after a
# hyphen, "Mcmillan", hyphenated particles) are repaired; all others are kept exactly.
SEED_000_NAMES = [
    ("G. Moulis", "Moulis", "G."),
    ("L. Sailler", "Sailler", "L."),
    ("D. Adoue", "Adoue", "D."),
    ("M. Lapeyre-mestre", "Lapeyre-Mestre", "M."),
    ("D. R. Terrell", "Terrell", "D. R."),
    ("L. A. Beebe", "Beebe", "L. A."),
    ("S. K. Vesely", "Vesely", "S. K."),
    ("B. R. Neas", "Neas", "B. R."),
    ("J. B. Segal", "Segal", "J. B."),
    ("A. Palmaro", "Palmaro", "A."),
    ("J. Montastruc", "Montastruc", "J."),
    ("B. Godeau", "Godeau", "B."),
    ("W. M. Schoonen", "Schoonen", "W. M."),
    ("G. Kucera", "Kucera", "G."),
    ("J. Coalson", "Coalson", "J."),
    ("L. Li", "Li", "L."),
    ("M. Rutstein", "Rutstein", "M."),
    ("J. Germain", "Germain", "J."),
    ("T. Comont", "Comont", "T."),
    ("N. Brun", "Brun", "N."),
    ("C. Dingremont", "Dingremont", "C."),
    ("J. Cohn", "Cohn", "J."),
    ("T. Kühne", "Kühne", "T."),
    ("P. Imbach", "Imbach", "P."),
    ("P. H. Bolton-maggs", "Bolton-Maggs", "P. H."),
    ("B. W. Blanchette", "Blanchette", "B. W."),
    ("V. Buchanan", "Buchanan", "V."),
    ("M. L. Rand", "Rand", "M. L."),
    ("J. F. Wright", "Wright", "J. F."),
    ("L. Grimaldi-bensouda", "Grimaldi-Bensouda", "L."),
    ("M. Michel", "Michel", "M."),
    ("E. Aubrun", "Aubrun", "E."),
    ("P. Leighton", "Leighton", "P."),
    ("J. Viallard", "Viallard", "J."),
    ("E. Garbe", "Garbe", "E."),
    ("F. Andersohn", "Andersohn", "F."),
    ("E. Bronder", "Bronder", "E."),
    ("A. Salama", "Salama", "A."),
    ("A. Klimpel", "Klimpel", "A."),
    ("J. A. Reese", "Reese", "J. A."),
    ("X. Li", "Li", "X."),
    ("M. Hauben", "Hauben", "M."),
    ("R. H. Aster", "Aster", "R. H."),
    ("D. W. Bougie", "Bougie", "D. W."),
    ("F. Rodeghiero", "Rodeghiero", "F."),
    ("R. Stasi", "Stasi", "R."),
    ("T. Gernsheimer", "Gernsheimer", "T."),
    ("D. Provan", "Provan", "D."),
    ("D. Grimaldi", "Grimaldi", "D."),
    ("F. Canouï-poitrine", "Canouï-Poitrine", "F."),
    ("L. Croisille", "Croisille", "L."),
    ("K. Lee", "Lee", "K."),
    ("F. Roudot-thoraval", "Roudot-Thoraval", "F."),
    ("C. Nordon", "Nordon", "C."),
    ("H. Frederiksen", "Frederiksen", "H."),
    ("M. L. Maegbaek", "Maegbaek", "M. L."),
    ("M. Nørgaard", "Nørgaard", "M."),
    ("M. Piel-julian", "Piel-Julian", "M."),
    ("M. Mahévas", "Mahévas", "M."),
    ("L. Languille", "Languille", "L."),
    ("O. B. Rauzy", "Rauzy", "O. B."),
    ("F. R. Thoraval", "Thoraval", "F. R."),
    ("M. Khellaf", "Khellaf", "M."),
    ("S. Melboucy-belkhir", "Melboucy-Belkhir", "S."),
    ("A. Augier", "Augier", "A."),
    ("M. Boubaya", "Boubaya", "M."),
    ("V. Levy", "Levy", "V."),
    ("D. Sur", "Sur", "D."),
    ("Q. Zeng", "Zeng", "Q."),
    ("L. Zhu", "Zhu", "L."),
    ("L. Tao", "Tao", "L."),
    ("J. Bao", "Bao", "J."),
    ("M. Yang", "Yang", "M."),
    ("D. M. Arnold", "Arnold", "D. M."),
    ("J. R. Vrbensky", "Vrbensky", "J. R."),
    ("N. Karim", "Karim", "N."),
    ("J. W. Smith", "Smith", "J. W."),
    ("Y. Liu", "Liu", "Y."),
    ("R. Feng", "Feng", "R."),
    ("X. Liu", "Liu", "X."),
    ("Y. Zhao", "Zhao", "Y."),
    ("Y. Zhu", "Zhu", "Y."),
    ("J. Peng", "Peng", "J."),
    ("S. Audia", "Audia", "S."),
    ("M. Samson", "Samson", "M."),
    ("B. Bonnotte", "Bonnotte", "B."),
    ("W. Harrington", "Harrington", "W."),
    ("V. Minnich", "Minnich", "V."),
    ("J. Hollingsworth", "Hollingsworth", "J."),
    ("C. Moore", "Moore", "C."),
    ("S. Karpatkin", "Karpatkin", "S."),
    ("G. W. Siskind", "Siskind", "G. W."),
    ("D. B. Cines", "Cines", "D. B."),
    ("J. B. Bussel", "Bussel", "J. B."),
    ("H. A. Liebman", "Liebman", "H. A."),
    ("L. Prak", "Prak", "L."),
    ("M. L. Evangelista", "Evangelista", "M. L."),
    ("E. Stipa", "Stipa", "E."),
    ("F. Buccisano", "Buccisano", "F."),
    ("A. Venditti", "Venditti", "A."),
    ("R. Mcmillan", "McMillan", "R."),
    ("P. Tani", "Tani", "P."),
    ("F. Millard", "Millard", "F."),
    ("P. Berchtold", "Berchtold", "P."),
    ("L. Renshaw", "Renshaw", "L."),
    ("A. Najaoui", "Najaoui", "A."),
    ("T. Bakchoul", "Bakchoul", "T."),
    ("J. Stoy", "Stoy", "J."),
    ("G. Bein", "Bein", "G."),
    ("M. J. Rummel", "Rummel", "M. J."),
    ("F. P. Panitsas", "Panitsas", "F. P."),
    ("M. Theodoropoulou", "Theodoropoulou", "M."),
    ("A. Kouraklis", "Kouraklis", "A."),
    ("M. Karakantza", "Karakantza", "M."),
    ("G. L. Theodorou", "Theodorou", "G. L."),
    ("J. W. Semple", "Semple", "J. W."),
    ("Y. Milev", "Milev", "Y."),
    ("D. Cosgrave", "Cosgrave", "D."),
    ("M. Mody", "Mody", "M."),
    ("A. Hornstein", "Hornstein", "A."),
    ("H. Ogawara", "Ogawara", "H."),
    ("H. Handa", "Handa", "H."),
    ("K. Morita", "Morita", "K."),
    ("M. Hayakawa", "Hayakawa", "M."),
    ("J. Kojima", "Kojima", "J."),
    ("B. Olsson", "Olsson", "B."),
    ("P. Andersson", "Andersson", "P."),
    ("M. Jernås", "Jernås", "M."),
    ("S. Jacobsson", "Jacobsson", "S."),
    ("B. Carlsson", "Carlsson", "B."),
    ("B. Liu", "Liu", "B."),
    ("H. Zhao", "Zhao", "H."),
    ("M. Poon", "Poon", "M."),
    ("Z. Han", "Han", "Z."),
    ("D. Gu", "Gu", "D."),
    ("P. Patin", "Patin", "P."),
    ("F. Huetz", "Huetz", "F."),
    ("M. Descatoire", "Descatoire", "M."),
    ("N. Cagnard", "Cagnard", "N."),
    ("P. J. Ballem", "Ballem", "P. J."),
    ("G. M. Segal", "Segal", "G. M."),
    ("J. R. Stratton", "Stratton", "J. R."),
    ("J. W. Adamson", "Adamson", "J. W."),
    ("E. Khodadi", "Khodadi", "E."),
    ("A. A. Asnafi", "Asnafi", "A. A."),
    ("S. Shahrabi", "Shahrabi", "S."),
    ("M. Shahjahani", "Shahjahani", "M."),
    ("N. Saki", "Saki", "N."),
    ("H. Al-samkari", "Al-Samkari", "H."),
    ("D. J. Kuter", "Kuter", "D. J."),
    ("T. Moulinet", "Moulinet", "T."),
    ("M. Ciudad-bonté", "Ciudad-Bonté", "M."),
    ("O. Facy", "Facy", "O."),
    ("Y. Ling", "Ling", "Y."),
    ("X. Cao", "Cao", "X."),
    ("Z. Yu", "Yu", "Z."),
    ("C. Ruan", "Ruan", "C."),
    ("S. Ma", "Ma", "S."),
    ("J. Sun", "Sun", "J."),
    ("J. Ren", "Ren", "J."),
    ("Y. Shi", "Shi", "Y."),
    ("A. Schaeffer", "Schaeffer", "A."),
    ("P. Bierling", "Bierling", "P."),
    ("O. Alpdogan", "Alpdogan", "O."),
    ("T. Budak-alpdogan", "Budak-Alpdogan", "T."),
    ("S. Ratip", "Ratip", "S."),
    ("T. Firatli-tuglular", "Firatli-Tuglular", "T."),
    ("S. Tanriverdi", "Tanriverdi", "S."),
    ("A. Essilini", "Essilini", "A."),
    ("Y. Wei", "Wei", "Y."),
    ("J. X. Wang", "Wang", "J. X."),
    ("Y. Wang", "Wang", "Y."),
    ("Y. E. Wang", "Wang", "Y. E."),
    ("H. Chang", "Chang", "H."),
    ("T. Tang", "Tang", "T."),
    ("Y. Hung", "Hung", "Y."),
    ("P. Li", "Li", "P."),
    ("M. Kuo", "Kuo", "M."),
    ("A. Askar", "Askar", "A."),
    ("A. S. Shaheen", "Shaheen", "A. S."),
    ("A. Zahrani", "Zahrani", "A."),
    ("M. Tavassoli", "Tavassoli", "M."),
    ("K. Kojouri", "Kojouri", "K."),
    ("J. N. George", "George", "J. N."),
    ("J. Mikhael", "Mikhael", "J."),
    ("K. Northridge", "Northridge", "K."),
    ("K. Lindquist", "Lindquist", "K."),
    ("C. Kessler", "Kessler", "C."),
    ("R. Deuson", "Deuson", "R."),
    ("A. Cuker", "Cuker", "A."),
    ("C. E. Neunert", "Neunert", "C. E."),
    ("J. M. Durand", "Durand", "J. M."),
    ("P. Lefèvre", "Lefèvre", "P."),
    ("P. Hovette", "Hovette", "P."),
    ("M. Mongin", "Mongin", "M."),
    ("J. Soubeyrand", "Soubeyrand", "J."),
    ("A. D. Schreiber", "Schreiber", "A. D."),
    ("P. Chien", "Chien", "P."),
    ("A. Tomaski", "Tomaski", "A."),
    ("F. Maloisel", "Maloisel", "F."),
    ("E. Andrès", "Andrès", "E."),
    ("J. Zimmer", "Zimmer", "J."),
    ("E. Noel", "Noel", "E."),
    ("A. Zamfir", "Zamfir", "A."),
    ("Y. S. Ahn", "Ahn", "Y. S."),
    ("W. J. Harrington", "Harrington", "W. J."),
    ("S. R. Simon", "Simon", "S. R."),
    ("R. Mylvaganam", "Mylvaganam", "R."),
    ("L. M. Pall", "Pall", "L. M."),
    ("T. J. González-lópez", "González-López", "T. J."),
    ("M. T. Alvarez-román", "Alvarez-Román", "M. T."),
    ("C. Pascual", "Pascual", "C."),
    ("B. Sánchez-gonzález", "Sánchez-González", "B."),
    ("F. Fernández-fuentes", "Fernández-Fuentes", "F."),
    ("O. Fain", "Fain", "O."),
    ("M. Ebbo", "Ebbo", "M."),
    ("N. Limal", "Limal", "N."),
    ("W. Bao", "Bao", "W."),
    ("S. Heck", "Heck", "S."),
    ("W. He", "He", "W."),
    ("M. Karpoff", "Karpoff", "M."),
    ("S. Liu", "Liu", "S."),
    ("Q. Feng", "Feng", "Q."),
    ("G. Li", "Li", "G."),
    ("W. Ghanima", "Ghanima", "W."),
    ("J. T. Geyer", "Geyer", "J. T."),
    ("C. S. Lee", "Lee", "C. S."),
    ("L. Boiocchi", "Boiocchi", "L."),
    ("A. A. Imahiyerobo", "Imahiyerobo", "A. A."),
    ("M. Choy", "Choy", "M."),
    ("A. Pagano", "Pagano", "A."),
    ("S. Amadori", "Amadori", "S."),
    ("A. Charles-nelson", "Charles-Nelson", "A."),
    ("L. Terriou", "Terriou", "L."),
    ("R. Porcher", "Porcher", "R."),
    ("F. Lefrère", "Lefrère", "F."),
    ("P. Fenaux", "Fenaux", "P."),
    ("F. Dentali", "Dentali", "F."),
    ("M. A. Crowther", "Crowther", "M. A."),
    ("R. M. Meyer", "Meyer", "R. M."),
    ("R. J. Cook", "Cook", "R. J."),
    ("N. Cooper", "Cooper", "N."),
    ("D. Poeta", "Poeta", "D."),
    ("G. Stipa", "Stipa", "G."),
    ("E. Evangelista", "Evangelista", "E."),
    ("M. L. Trawinska", "Trawinska", "M. L."),
    ("J. Gottenberg", "Gottenberg", "J."),
    ("P. Ravaud", "Ravaud", "P."),
    ("T. Bardin", "Bardin", "T."),
    ("P. Cacoub", "Cacoub", "P."),
    ("A. Cantagrel", "Cantagrel", "A."),
    ("N. Schleinitz", "Schleinitz", "N."),
    ("F. Zaja", "Zaja", "F."),
    ("S. Volpetti", "Volpetti", "S."),
    ("M. Chiozzotto", "Chiozzotto", "M."),
    ("S. Puglisi", "Puglisi", "S."),
    ("M. Isola", "Isola", "M."),
    ("V. L. Patel", "Patel", "V. L."),
    ("S. Y. Lee", "Lee", "S. Y."),
    ("S. Cunningham-rundles", "Cunningham-Rundles", "S."),
    ("A. Hasan", "Hasan", "A."),
    ("V. Patel", "Patel", "V."),
    ("J. Perdomo", "Perdomo", "J."),
    ("F. Yan", "Yan", "F."),
    ("B. H. Chong", "Chong", "B. H."),
    ("M. Rossato", "Rossato", "M."),
    ("K. Santegoets", "Santegoets", "K."),
    ("S. Spijkers", "Spijkers", "S."),
    ("C. Wichers", "Wichers", "C."),
    ("A. Khelif", "Khelif", "A."),
    ("A. Waage", "Waage", "A."),
    ("G. E. Tjønnfjord", "Tjønnfjord", "G. E."),
    ("C. Neunert", "Neunert", "C."),
    ("W. Lim", "Lim", "W."),
    ("M. Crowther", "Crowther", "M."),
    ("A. Cohen", "Cohen", "A."),
    ("L. Solberg", "Solberg", "L."),
    ("M. A. Feuerstein", "Feuerstein", "M. A."),
    ("J. P. Leonard", "Leonard", "J. P."),
    ("N. Vianelli", "Vianelli", "N."),
    ("M. Battista", "Battista", "M."),
    ("A. Sperotto", "Sperotto", "A."),
    ("F. Patriarca", "Patriarca", "F."),
    ("A. C. Newland", "Newland", "A. C."),
    ("V. S. Blanchette", "Blanchette", "V. S."),
    ("P. Bolton-maggs", "Bolton-Maggs", "P."),
    ("E. Bourgeois", "Bourgeois", "E."),
    ("M. T. Caulier", "Caulier", "M. T."),
    ("C. Delarozee", "Delarozee", "C."),
    ("M. Brouillard", "Brouillard", "M."),
    ("F. Bauters", "Bauters", "F."),
    ("M. Medeot", "Medeot", "M."),
    ("M. Baccarani", "Baccarani", "M."),
    ("M. Marangon", "Marangon", "M."),
    ("F. Palandri", "Palandri", "F."),
    ("M. G. Mazzucconi", "Mazzucconi", "M. G."),
    ("C. Santoro", "Santoro", "C."),
    ("L. Porcelijn", "Porcelijn", "L."),
    ("E. Huiskes", "Huiskes", "E."),
    ("M. Schipperus", "Schipperus", "M."),
    ("B. Van-der-holt", "van der Holt", "B."),
    ("M. De-haas", "de Haas", "M."),
    ("J. Weill", "Weill", "J."),
    ("C. Reynaud", "Reynaud", "C."),
    ("L. Thai", "Thai", "L."),
    ("L. Gallou", "Gallou", "L."),
    ("S. Robbins", "Robbins", "S."),
    ("A. Crickx", "Crickx", "A."),
    ("E. Fadeev", "Fadeev", "E."),
]

# Every author list of seed 000, verbatim (the "L. Rituximab" and "M. Patients" lines of its abstract,
# mis-read as references by HAL, are left out).
SEED_000_LISTS = [
    "G. Moulis, L. Sailler, D. Adoue, and M. Lapeyre-mestre",
    "D. R. Terrell, L. A. Beebe, S. K. Vesely, B. R. Neas, J. B. Segal et al.",
    "G. Moulis, M. Lapeyre-mestre, D. Adoue, and L. Sailler",
    "G. Moulis, A. Palmaro, J. Montastruc, B. Godeau, M. Lapeyre-mestre et al.",
    "W. M. Schoonen, G. Kucera, J. Coalson, L. Li, M. Rutstein et al.",
    "G. Moulis, J. Germain, T. Comont, N. Brun, C. Dingremont et al.",
    "J. Cohn",
    "T. Kühne, P. Imbach, P. H. Bolton-maggs, B. W. Blanchette, V. Buchanan et al.",
    "M. L. Rand and J. F. Wright",
    "L. Grimaldi-bensouda, M. Michel, E. Aubrun, P. Leighton, J. Viallard et al.",
    "E. Garbe, F. Andersohn, E. Bronder, A. Salama, A. Klimpel et al.",
    "J. A. Reese, X. Li, M. Hauben, R. H. Aster, D. W. Bougie et al.",
    "F. Rodeghiero, R. Stasi, T. Gernsheimer, M. Michel, D. Provan et al.",
    "D. Grimaldi, F. Canouï-poitrine, L. Croisille, K. Lee, F. Roudot-thoraval et al.",
    "L. Grimaldi-bensouda, C. Nordon, M. Michel, J. Viallard, D. Adoue et al.",
    "H. Frederiksen, M. L. Maegbaek, and M. Nørgaard",
    "M. Piel-julian, M. Mahévas, J. Germain, L. Languille, T. Comont et al.",
    "M. Michel, O. B. Rauzy, F. R. Thoraval, L. Languille, M. Khellaf et al.",
    "S. Melboucy-belkhir, M. Khellaf, A. Augier, M. Boubaya, V. Levy et al.",
    "D. Sur",
    "Q. Zeng, L. Zhu, L. Tao, J. Bao, M. Yang et al.",
    "D. M. Arnold, J. R. Vrbensky, N. Karim, J. W. Smith, Y. Liu et al.",
    "R. Feng, X. Liu, Y. Zhao, Y. Zhu, J. Peng et al.",
    "S. Audia, M. Mahévas, M. Samson, B. Godeau, and B. Bonnotte",
    "W. Harrington, V. Minnich, J. Hollingsworth, and C. Moore",
    "S. Karpatkin and G. W. Siskind",
    "D. B. Cines, J. B. Bussel, H. A. Liebman, L. Prak, and E. T. ,",
    "R. Stasi, M. L. Evangelista, E. Stipa, F. Buccisano, A. Venditti et al.",
    "R. Mcmillan, P. Tani, F. Millard, P. Berchtold, L. Renshaw et al.",
    "S. Karpatkin and G. W. Siskind",
    "A. Najaoui, T. Bakchoul, J. Stoy, G. Bein, M. J. Rummel et al.",
    "F. P. Panitsas, M. Theodoropoulou, A. Kouraklis, M. Karakantza, G. L. Theodorou et al.",
    "J. W. Semple, Y. Milev, D. Cosgrave, M. Mody, A. Hornstein et al.",
    "H. Ogawara, H. Handa, K. Morita, M. Hayakawa, J. Kojima et al.",
    "B. Olsson, P. Andersson, M. Jernås, S. Jacobsson, B. Carlsson et al.",
    "B. Liu, H. Zhao, M. Poon, Z. Han, D. Gu et al.",
    "M. Mahévas, P. Patin, F. Huetz, M. Descatoire, N. Cagnard et al.",
    "P. J. Ballem, G. M. Segal, J. R. Stratton, T. Gernsheimer, J. W. Adamson et al.",
    "E. Khodadi, A. A. Asnafi, S. Shahrabi, M. Shahjahani, and N. Saki",
    "H. Al-samkari and D. J. Kuter",
    "S. Audia, T. Moulinet, M. Ciudad-bonté, M. Samson, O. Facy et al.",
    "Y. Ling, X. Cao, Z. Yu, and C. Ruan",
    "X. Liu, S. Ma, J. Sun, J. Ren, Y. Shi et al.",
    "M. Khellaf, M. Michel, A. Schaeffer, P. Bierling, and B. Godeau",
    "O. Alpdogan, T. Budak-alpdogan, S. Ratip, T. Firatli-tuglular, S. Tanriverdi et al.",
    "A. Essilini, T. Comont, J. Germain, N. Brun, C. Dingremont et al.",
    "Y. Wei, J. X. Wang, Y. Wang, J. , Y. E. Wang et al.",
    "H. Chang, T. Tang, Y. Hung, P. Li, M. Kuo et al.",
    "A. Askar, A. S. Shaheen, N. A. , A. Zahrani, M. et al.",
    "M. Tavassoli and R. Mcmillan",
    "K. Kojouri, S. K. Vesely, D. R. Terrell, and J. N. George",
    "J. Mikhael, K. Northridge, K. Lindquist, C. Kessler, R. Deuson et al.",
    "A. Cuker and C. E. Neunert",
    "J. M. Durand, P. Lefèvre, P. Hovette, M. Mongin, and J. Soubeyrand",
    "S. Audia, B. Godeau, and B. Bonnotte",
    "A. D. Schreiber, P. Chien, A. Tomaski, and D. B. Cines",
    "F. Maloisel, E. Andrès, J. Zimmer, E. Noel, A. Zamfir et al.",
    "Y. S. Ahn, W. J. Harrington, S. R. Simon, R. Mylvaganam, L. M. Pall et al.",
    "T. J. González-lópez, M. T. Alvarez-román, C. Pascual, B. Sánchez-gonzález, F. Fernández-fuentes et al.",
    "M. Mahévas, O. Fain, M. Ebbo, F. Roudot-thoraval, N. Limal et al.",
    "W. Bao, J. B. Bussel, S. Heck, W. He, M. Karpoff et al.",
    "X. Liu, S. Liu, Q. Feng, X. Liu, G. Li et al.",
    "W. Ghanima, J. T. Geyer, C. S. Lee, L. Boiocchi, A. A. Imahiyerobo et al.",
    "M. Choy",
    "R. Stasi, A. Pagano, E. Stipa, and S. Amadori",
    "M. Khellaf, A. Charles-nelson, O. Fain, L. Terriou, J. Viallard et al.",
    "B. Godeau, R. Porcher, O. Fain, F. Lefrère, P. Fenaux et al.",
    "D. M. Arnold, F. Dentali, M. A. Crowther, R. M. Meyer, R. J. Cook et al.",
    "R. Stasi, N. Cooper, D. Poeta, G. Stipa, E. et al.",
    "R. Stasi, D. Poeta, G. Stipa, E. Evangelista, M. L. Trawinska et al.",
    "J. Gottenberg, P. Ravaud, T. Bardin, P. Cacoub, A. Cantagrel et al.",
    "M. Mahévas, M. Ebbo, S. Audia, B. Bonnotte, N. Schleinitz et al.",
    "F. Zaja, S. Volpetti, M. Chiozzotto, S. Puglisi, M. Isola et al.",
    "V. L. Patel, M. Mahévas, S. Y. Lee, R. Stasi, S. Cunningham-rundles et al.",
    "A. Hasan, M. Michel, V. Patel, R. Stasi, S. Cunningham-rundles et al.",
    "J. Perdomo, F. Yan, and B. H. Chong",
    "S. Audia, M. Rossato, K. Santegoets, S. Spijkers, C. Wichers et al.",
    "W. Ghanima, A. Khelif, A. Waage, M. Michel, G. E. Tjønnfjord et al.",
    "C. Neunert, W. Lim, M. Crowther, A. Cohen, L. Solberg et al.",
    "N. Cooper, R. Stasi, S. Cunningham-rundles, M. A. Feuerstein, J. P. Leonard et al.",
    "F. Zaja, N. Vianelli, M. Battista, A. Sperotto, F. Patriarca et al.",
    "D. Provan, R. Stasi, A. C. Newland, V. S. Blanchette, P. Bolton-maggs et al.",
    "W. Ghanima, B. Godeau, D. B. Cines, and J. B. Bussel",
    "E. Bourgeois, M. T. Caulier, C. Delarozee, M. Brouillard, F. Bauters et al.",
    "M. Medeot, F. Zaja, N. Vianelli, M. Battista, M. Baccarani et al.",
    "M. Marangon, N. Vianelli, F. Palandri, M. G. Mazzucconi, C. Santoro et al.",
    "L. Porcelijn, E. Huiskes, M. Schipperus, B. Van-der-holt, M. De-haas et al.",
    "M. Mahévas, M. Michel, J. Weill, and C. Reynaud",
    "L. Thai, L. Gallou, S. Robbins, A. Crickx, E. Fadeev et al.",
]

# The broken pieces of the four damaged lists of seed 000.
SEED_000_BROKEN = {
    "D. B. Cines, J. B. Bussel, H. A. Liebman, L. Prak, and E. T. ,": ["E. T."],
    "Y. Wei, J. X. Wang, Y. Wang, J. , Y. E. Wang et al.": ["J."],
    "A. Askar, A. S. Shaheen, N. A. , A. Zahrani, M. et al.": ["N. A.", "M."],
    "R. Stasi, N. Cooper, D. Poeta, G. Stipa, E. et al.": ["E."],
}

EXPECTED = {raw: (family, given) for raw, family, given in SEED_000_NAMES}


@pytest.mark.parametrize(("raw", "family", "given"), SEED_000_NAMES)
def test_seed_000_names_come_out_correctly_cased(raw: str, family: str, given: str) -> None:
    name, _ = parse_name(raw)
    assert (name.family, name.given) == (family, given)


@pytest.mark.parametrize("text", SEED_000_LISTS)
def test_seed_000_author_lists(text: str) -> None:
    names, et_al, findings = split_authors(text)
    pieces = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", re.sub(r" et al\.$", "", text))]
    expected = [EXPECTED[p] for p in pieces if p in EXPECTED]
    assert [(n.family, n.given) for n in names] == expected
    assert et_al == text.endswith("et al.")
    broken = [f.raw.strip(" ,") for f in findings if f.code == "broken_author"]
    assert [b.rstrip(".") for b in broken] == [b.rstrip(".") for b in SEED_000_BROKEN.get(text, [])]


@pytest.mark.parametrize(
    ("raw", "family"),
    [
        ("Lapeyre-mestre", "Lapeyre-Mestre"),
        ("Grimaldi-bensouda", "Grimaldi-Bensouda"),
        ("Canouï-poitrine", "Canouï-Poitrine"),
        ("Piel-julian", "Piel-Julian"),
        ("Mcmillan", "McMillan"),
        ("Van-der-holt", "van der Holt"),
        ("De-haas", "de Haas"),
        ("Al-samkari", "Al-Samkari"),
        ("Cunningham-rundles", "Cunningham-Rundles"),
        ("Bolton-maggs", "Bolton-Maggs"),
        ("González-lópez", "González-López"),
        ("Roudot-thoraval", "Roudot-Thoraval"),
        ("Ciudad-bonté", "Ciudad-Bonté"),
        ("Budak-alpdogan", "Budak-Alpdogan"),
        ("Melboucy-belkhir", "Melboucy-Belkhir"),
        ("Charles-nelson", "Charles-Nelson"),
        ("O'brien", "O'Brien"),
        ("DAUTIN", "Dautin"),
        ("moulis", "Moulis"),
    ],
)
def test_repair_family_repairs_damage(raw: str, family: str) -> None:
    assert repair_family(raw) == family


@pytest.mark.parametrize(
    "family",
    [
        "Mahévas", "Kühne", "Nørgaard", "MacDonald", "Macdonald", "McMillan", "Jaime-Pérez",
        "Tjønnfjord", "van der Holt", "Van der Holt", "de Haas", "von Baeyer", "Lefèvre", "Andrès",
        "Al-Samkari", "Strüßmann", "Jernås", "Lapeyre-Mestre", "D'Angelo", "Le Roux", "da Silva",
    ],
)  # fmt: skip
def test_repair_family_keeps_correct_names(family: str) -> None:
    assert repair_family(family) == family


@pytest.mark.parametrize(
    ("raw", "family", "given"),
    [
        # seed 001
        ("C. A. Bradbury", "Bradbury", "C. A."),
        # seed 002 (superscript affiliation marks)
        ("E. Han¹", "Han", "E."),
        ("M. Mahévas¹", "Mahévas", "M."),
        ("H. Lobbes¹⁰", "Lobbes", "H."),
        ("Dr Tim Strüßmann", "Strüßmann", "Tim"),
        ("Dr Julian List", "List", "Julian"),
        # seed 003: every form of the slides
        ("Stanworth, S. J.", "Stanworth", "S. J."),
        ("Stanworth SJ", "Stanworth", "S. J."),
        ("Panch, S. R.", "Panch", "S. R."),
        ("Jaime-Pérez", "Jaime-Pérez", ""),
        ("Belizaire", "Belizaire", ""),
        ("Matsui R", "Matsui", "R."),
        ("Pedini, P.", "Pedini", "P."),
        ("Slichter, S. J.", "Slichter", "S. J."),
        ("Cohn, C. S", "Cohn", "C. S."),
        ("Cohn, C. S.", "Cohn", "C. S."),
        ("Arabi, S.", "Arabi", "S."),
        ("Song, X", "Song", "X."),
        ("C. Gavva", "Gavva", "C."),
        ("T Linjama", "Linjama", "T."),
        ("Basire, A.", "Basire", "A."),
        ("Picard, C.", "Picard", "C."),
        ("Seike, K.", "Seike", "K."),
        ("Garraud, O.", "Garraud", "O."),
        ("Pavenski, K.", "Pavenski", "K."),
        ("Miki H", "Miki", "H."),
        ("Liu W", "Liu", "W."),
        ("Yu Q-H", "Yu", "Q.-H."),
        ("Vo P", "Vo", "P."),
        ("Purev E", "Purev", "E."),
        ("Bensinger WI", "Bensinger", "W. I."),
        ("Murphy MF", "Murphy", "M. F."),
        ("von Baeyer H", "von Baeyer", "H."),
        ("Padmanabhan A", "Padmanabhan", "A."),
        ("Mirlashari MR", "Mirlashari", "M. R."),
        ("Sugimoto N", "Sugimoto", "N."),
        ("Figueiredo, C.", "Figueiredo", "C."),
        ("Blasczyk", "Blasczyk", ""),
        ("Guillaume DAUTIN", "Dautin", "Guillaume"),
        # other forms
        ("G. Moulis", "Moulis", "G."),
        ("Moulis G", "Moulis", "G."),
        ("Moulis, G.", "Moulis", "G."),
        ("Q.-H. Yu", "Yu", "Q.-H."),
        ("S.J. Stanworth", "Stanworth", "S. J."),
        ("Stanworth S J", "Stanworth", "S. J."),
        ("Stanworth S.J.", "Stanworth", "S. J."),
    ],
)
def test_parse_name_forms(raw: str, family: str, given: str) -> None:
    name, _ = parse_name(raw)
    assert (name.family, name.given, name.literal) == (family, given, "")


def test_parse_name_organisation() -> None:
    name, _ = parse_name("Haute Autorité de Santé")
    assert name == Name(literal="Haute Autorité de Santé")


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("S. J.", "S. J."), ("SJ", "S. J."), ("S.J.", "S. J."), ("S J", "S. J."), ("S. J", "S. J."),
        ("Q-H", "Q.-H."), ("Q.-H.", "Q.-H."), ("J.-F.", "J.-F."), ("Julian", "Julian"),
        ("Jean-François", "Jean-François"), ("GUILLAUME", "Guillaume"), ("", ""),
    ],
)  # fmt: skip
def test_normalise_initials(given: str, expected: str) -> None:
    assert normalise_initials(given) == expected


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("M. Lapeyre-mestre", "lapeyre-mestre m"),
        ("Lapeyre-Mestre M", "lapeyre-mestre m"),
        ("M. Nørgaard", "norgaard m"),
        ("M. Mahévas", "mahevas m"),
        ("B. Van-der-holt", "van der holt b"),
        ("Jaime-Pérez", "jaime-perez"),
    ],
)
def test_name_key(raw: str, key: str) -> None:
    assert name_key(parse_name(raw)[0]) == key


@pytest.mark.parametrize(
    ("text", "expected", "et_al"),
    [
        ("Stanworth SJ, et al.", [("Stanworth", "S. J.")], True),
        ("Basire, A. & Picard, C.", [("Basire", "A."), ("Picard", "C.")], False),
        ("Figueiredo, C. & Blasczyk", [("Figueiredo", "C."), ("Blasczyk", "")], False),
        ("Cohn, C. S et al..", [("Cohn", "C. S.")], True),
        ("Vo P, Purev E, et al.", [("Vo", "P."), ("Purev", "E.")], True),
        ("Mahévas et al.", [("Mahévas", "")], True),
        ("C. A. Bradbury et al.", [("Bradbury", "C. A.")], True),
        ("Kerkhoffs et al", [("Kerkhoffs", "")], True),
        (
            "E. Han¹, M. Mahévas¹, T. Comont², S. Audia³, M. Michel¹ and E. Crickx¹",
            [("Han", "E."), ("Mahévas", "M."), ("Comont", "T."), ("Audia", "S."), ("Michel", "M."),
             ("Crickx", "E.")],
            False,
        ),
    ],
)  # fmt: skip
def test_split_authors_other_seeds(text: str, expected: list[tuple[str, str]], et_al: bool) -> None:
    names, found_et_al, findings = split_authors(text)
    assert [(n.family, n.given) for n in names] == expected
    assert found_et_al is et_al
    assert not [f for f in findings if f.code == "broken_author"]


def test_split_authors_flags_broken_pieces() -> None:
    names, et_al, findings = split_authors("A. Askar, A. S. Shaheen, N. A. , A. Zahrani, M. et al.")
    assert [n.family for n in names] == ["Askar", "Shaheen", "Zahrani"]
    assert et_al
    broken = [f for f in findings if f.code == "broken_author"]
    assert len(broken) == 2
    assert all(f.field == "authors" and f.severity == "warning" for f in broken)


NAME_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
NAME_LIKE = st.from_regex(
    r"(?:[A-Z]\\.? ?){0,3}(?:[Vv]an-der-|[Dd]e-|Mc|O')?[A-Za-zéøü]{1,8}(?:-[a-zA-Zé]{1,8})?(?: [A-Z]{1,3})?",
    fullmatch=True,
)


@given(st.one_of(NAME_TEXT, NAME_LIKE))
def test_parse_name_never_raises_and_normalise_name_is_idempotent(text: str) -> None:
    name, _ = parse_name(text)
    once, _ = normalise_name(name)
    twice, _ = normalise_name(once)
    assert once == twice


@given(st.one_of(NAME_TEXT, NAME_LIKE))
def test_repair_family_is_idempotent(text: str) -> None:
    once = repair_family(text)
    assert repair_family(once) == once


@given(st.text(max_size=30))
def test_normalise_initials_is_idempotent(text: str) -> None:
    once = normalise_initials(text)
    assert normalise_initials(once) == once


@pytest.mark.parametrize("text", [".", ". ", " .", ".,", ";.", "..", "-", "Dr ."])
def test_split_name_of_no_name_keeps_the_text(text: str) -> None:
    name = split_name(text)  # a RIS "AU  - ." once raised IndexError and stopped the build
    assert name.literal or name.family or name == Name()


@given(st.text(max_size=80))
def test_split_name_never_raises(text: str) -> None:
    assert isinstance(split_name(text), Name)


@given(st.text(max_size=80))
def test_split_authors_never_raises(text: str) -> None:
    names, _, _ = split_authors(text)
    assert all(isinstance(n, Name) for n in names)


def test_initials_idempotent_on_a_hyphen_after_a_non_initial():
    from kb.normalise.names import normalise_initials

    once = normalise_initials("0 -A")  # found by hypothesis: the hyphen joined a digit, then re-cased
    assert normalise_initials(once) == once


@pytest.mark.parametrize(
    ("title", "organisation", "rest"),
    [
        (  # seed 000 line 42
            "Haute Autorité de Santé -Protocole national de diagnostic et de soins -Purpura thrombopénique",
            "Haute Autorité de Santé",
            "Protocole national de diagnostic et de soins -Purpura thrombopénique",
        ),
        (
            "American Society of Hematology: 2019 guidelines for immune thrombocytopenia",
            "American Society of Hematology",
            "2019 guidelines for immune thrombocytopenia",
        ),
        (
            "World Health Organization – Model list of essential medicines",
            "World Health Organization",
            "Model list of essential medicines",
        ),
        ("Randomised Trial of Rituximab: final results", "", "Randomised Trial of Rituximab: final results"),
        ("Immune thrombocytopenia: a practical review", "", "Immune thrombocytopenia: a practical review"),
        ("Rituximab in ITP - a review", "", "Rituximab in ITP - a review"),
        ("American Society of Hematology: guidelines", "", "American Society of Hematology: guidelines"),
    ],
)
def test_organisation_opening_a_title(title: str, organisation: str, rest: str) -> None:
    assert organisation_prefix(title) == (organisation, rest)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (Name(family="The WHO Collaborative Study"), Name(literal="The WHO Collaborative Study")),
        (Name(family="American Society of Hematology"), Name(literal="American Society of Hematology")),
        (Name(family="Center", given="J. R."), Name(family="Center", given="J. R.")),
        (Name(family="Study"), Name(family="Study")),
    ],
)
def test_organisation_written_as_a_person_becomes_literal(name: Name, expected: Name) -> None:
    assert normalise_name(name)[0] == expected


# --- split_author_list: the one splitter of author lists (parser, rules, synthetic data, BibTeX) ---


def _people(text: str) -> list[tuple[str, str, str]]:
    return [
        (n.family, n.given, n.suffix) if not n.literal else ("", "", n.literal)
        for n in split_author_list(text).names
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the seeds' forms, as written (the parser keeps the case; the normaliser repairs it)
        (
            "G. Moulis, L. Sailler, and M. Lapeyre-mestre,",
            [("Moulis", "G.", ""), ("Sailler", "L.", ""), ("Lapeyre-mestre", "M.", "")],
        ),
        ("Moulis G, Sailler L", [("Moulis", "G", ""), ("Sailler", "L", "")]),
        ("Moulis, G., Sailler, L.", [("Moulis", "G.", ""), ("Sailler", "L.", "")]),
        ("Stanworth SJ, et al.", [("Stanworth", "SJ", "")]),
        ("Basire, A. & Picard, C.", [("Basire", "A.", ""), ("Picard", "C.", "")]),
        ("von Baeyer H, et al.", [("von Baeyer", "H", "")]),
        ("Yu Q-H, et al.", [("Yu", "Q-H", "")]),
        ("M. L. Rand and J. F. Wright", [("Rand", "M. L.", ""), ("Wright", "J. F.", "")]),
        # Vancouver
        ("Smith AB, Jones CD", [("Smith", "AB", ""), ("Jones", "CD", "")]),
        ("Mirlashari MR, Bensinger WI, Murphy MF.", [("Mirlashari", "MR", ""), ("Bensinger", "WI", ""),
                                                     ("Murphy", "MF", "")]),
        # generational suffixes: the family name stays the family name
        ("Solberg L Jr", [("Solberg", "L", "Jr")]),
        ("Solberg L Jr., Smith J", [("Solberg", "L", "Jr"), ("Smith", "J", "")]),
        ("Bussel JB, Solberg L Jr, Cines DB", [("Bussel", "JB", ""), ("Solberg", "L", "Jr"), ("Cines", "DB", "")]),
        ("Smith J Sr, Doe J 2nd, Roe K III", [("Smith", "J", "Sr"), ("Doe", "J", "2nd"), ("Roe", "K", "III")]),
        ("Gates MR II, Lee K", [("Gates", "MR", "II"), ("Lee", "K", "")]),
        ("Doe, J., Jr., Roe, K.", [("Doe", "J.", "Jr."), ("Roe", "K.", "")]),
        ("John A. Smith Jr. and Jane Roe", [("Smith", "John A.", "Jr"), ("Roe", "Jane", "")]),
        # "II", "IV" alone after a family name are initials (Ivan Ivanovich), not suffixes
        ("Ivanov II, Petrov IV", [("Ivanov", "II", ""), ("Petrov", "IV", "")]),
        # APA
        ("Smith, A. B., & Jones, C. D.", [("Smith", "A. B.", ""), ("Jones", "C. D.", "")]),
        ("Smith, A. B., Jones, C. D., & Lee, E.", [("Smith", "A. B.", ""), ("Jones", "C. D.", ""),
                                                   ("Lee", "E.", "")]),
        # initials first
        ("A. B. Smith", [("Smith", "A. B.", "")]),
        ("A. B. Smith, C. D. Jones, and E. F. Lee", [("Smith", "A. B.", ""), ("Jones", "C. D.", ""),
                                                     ("Lee", "E. F.", "")]),
        # HAL / French: "Prénom Nom" and "NOM Prénom"
        ("Jean Dupont, Marie Curie", [("Dupont", "Jean", ""), ("Curie", "Marie", "")]),
        ("DUPONT Jean, MARTIN Paul-Henri", [("DUPONT", "Jean", ""), ("MARTIN", "Paul-Henri", "")]),
        ("Guillaume DAUTIN et Marc MICHEL", [("DAUTIN", "Guillaume", ""), ("MICHEL", "Marc", "")]),
        ("LE GALL Anne, Anne LE GALL", [("LE GALL", "Anne", ""), ("LE GALL", "Anne", "")]),
        # NOM, Prénom: a family name of several words in capitals before the comma (HAL, French theses)
        ("LE GAL, Morgane", [("LE GAL", "Morgane", "")]),
        ("LE MÉE, René", [("LE MÉE", "René", "")]),
        ("DE LA TOUR, Anne", [("DE LA TOUR", "Anne", "")]),
        ("VAN DER BERG, J.", [("VAN DER BERG", "J.", "")]),
        ("GARCÍA LÓPEZ, M.-J.", [("GARCÍA LÓPEZ", "M.-J.", "")]),
        ("D'ALMEIDA SANTOS, Ana Maria", [("D'ALMEIDA SANTOS", "Ana Maria", "")]),
        ("ROBERT, Gilles, FONMARTY DUSSURGET, Kathleen", [("ROBERT", "Gilles", ""),
                                                          ("FONMARTY DUSSURGET", "Kathleen", "")]),
        ("BEN FADHEL, B., J. JOLY and Y. CHAPLEUR", [("BEN FADHEL", "B.", ""), ("JOLY", "J.", ""),
                                                      ("CHAPLEUR", "Y.", "")]),
        ("LE GAL, Morgane et MARTIN, Paul", [("LE GAL", "Morgane", ""), ("MARTIN", "Paul", "")]),
        ("Dupont, J., LE GAL, Morgane", [("Dupont", "J.", ""), ("LE GAL", "Morgane", "")]),
        # ...but not Vancouver in capitals, initials first in capitals, or an organisation before a place
        ("SMITH AB, JONES CD", [("SMITH", "AB", ""), ("JONES", "CD", "")]),
        ("SAAG, KG, R KOEHNKE, JR CALDWELL, R BRASINGTON",
         [("SAAG", "KG", ""), ("KOEHNKE", "R", ""), ("CALDWELL", "JR", ""), ("BRASINGTON", "R", "")]),
        ("WORLD HEALTH ORGANIZATION, Geneva", [("", "", "WORLD HEALTH ORGANIZATION"), ("Geneva", "", "")]),
        # particles
        ("van der Berg J, de la Fuente M, Le Gall Y, di Paolo M",
         [("van der Berg", "J", ""), ("de la Fuente", "M", ""), ("Le Gall", "Y", ""), ("di Paolo", "M", "")]),
        ("Jan van der Berg, Maria de la Fuente, Anne Le Gall, Marco di Paolo",
         [("van der Berg", "Jan", ""), ("de la Fuente", "Maria", ""), ("Le Gall", "Anne", ""),
          ("di Paolo", "Marco", "")]),
        ("van der Berg, Jan, de la Fuente, Maria", [("van der Berg", "Jan", ""), ("de la Fuente", "Maria", "")]),
        ("J. van der Berg and M. de la Fuente", [("van der Berg", "J.", ""), ("de la Fuente", "M.", "")]),
        # compound and hyphenated given names
        ("Jean-François Dupont, Jean Pierre Martin", [("Dupont", "Jean-François", ""), ("Martin", "Jean Pierre", "")]),
        ("J.-F. Dupont, Dupont J-F", [("Dupont", "J.-F.", ""), ("Dupont", "J-F", "")]),
        ("Dupont, J.-F., Martin, J.-P.", [("Dupont", "J.-F.", ""), ("Martin", "J.-P.", "")]),
        # corporate authors
        ("Haute Autorité de Santé", [("", "", "Haute Autorité de Santé")]),
        ("The WHO Collaborative Study", [("", "", "The WHO Collaborative Study")]),
        ("European Research Consortium on ITP", [("", "", "European Research Consortium on ITP")]),
        ("National Institute for Health and Care Excellence",
         [("", "", "National Institute for Health and Care Excellence")]),
        ("Smith J and the ITP Study Group", [("Smith", "J", ""), ("", "", "the ITP Study Group")]),
        ("Neunert C, Terrell DR; American Society of Hematology",
         [("Neunert", "C", ""), ("Terrell", "DR", ""), ("", "", "American Society of Hematology")]),
        # Embase lists without separators
        ("Beresneva O.Kulikov A.Parastaeva M.", [("Beresneva", "O", ""), ("Kulikov", "A", ""), ("Parastaeva", "M", "")]),
        ("Beresneva O.A.Kulikov A.B.", [("Beresneva", "O.A", ""), ("Kulikov", "A.B", "")]),
        # affiliation marks and titles
        ("E. Han¹, M. Mahévas1,2, T. Comont²", [("Han", "E.", ""), ("Mahévas", "M.", ""), ("Comont", "T.", "")]),
        ("Dr Julian List", [("List", "Julian", "")]),
    ],
)  # fmt: skip
def test_split_author_list_classes(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _people(text) == expected


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Smith J, et al.", 1), ("Smith J, et al", 1), ("Smith J et al", 1), ("Smith J, et coll.", 1),
        ("Mahévas et al.", 1), ("Cohn, C. S et al..", 1), ("Smith J, Doe K, and others", 2), ("Kerkhoffs et al", 1),
    ],
)  # fmt: skip
def test_split_author_list_et_al(text: str, people: int) -> None:
    found = split_author_list(text)
    assert found.et_al
    assert len(found.names) == people
    assert not any(w.lower() == "al" for n in found.names for w in f"{n.family} {n.given}".split())


def test_split_author_list_reports_broken_pieces_and_keeps_them() -> None:
    """The parser keeps a broken piece as a given-only name (nothing lost) and reports it."""
    found = split_author_list("A. Askar, A. S. Shaheen, N. A. , A. Zahrani, M. et al.")
    assert [n.family for n in found.names] == ["Askar", "Shaheen", "", "Zahrani", ""]
    assert found.broken == ["N. A.", "M."]
    assert found.et_al


def test_split_author_list_bibtex_uses_bibtexparser_grammar() -> None:
    found = split_author_list(
        "van der Berg, Jan and Doe, Jr., John and Smith, J. A. and {World Health Organization} and "
        "Jean-François de La Fontaine and others",
        syntax="bibtex",
    )
    assert found.names == [
        Name("van der Berg", "Jan"),
        Name("Doe", "John", suffix="Jr."),
        Name("Smith", "J. A."),
        Name(literal="{World Health Organization}"),
        Name("de La Fontaine", "Jean-François"),
    ]
    assert found.et_al and not found.broken


def test_one_splitter_behind_every_caller() -> None:
    """The parser, the rule grammar and the normaliser read a list the same way."""
    from kb.parse.rules import parse_names

    text = "Solberg L Jr, van der Berg J, Haute Autorité de Santé"
    raw = split_author_list(text).names
    assert parse_names(text) == raw
    normalised, _, _ = split_authors(text)
    assert [(n.family, n.suffix, n.literal) for n in normalised] == [
        (n.family, n.suffix, n.literal) for n in raw
    ]
    vancouver = "Bussel JB, Solberg L Jr, van der Berg J"
    parsed = parse_reference_authors(f"{vancouver}. A trial of things. Blood. 2019;133(5):e640-e648.")
    assert parsed == split_author_list(vancouver).names


def parse_reference_authors(text: str) -> list[Name]:
    from kb.parse import parse_reference

    return parse_reference(text).authors


@pytest.mark.parametrize(
    "text",
    [
        "A. " * 40_000,
        "Smith " * 40_000,
        "a" * 200_000,
        ", " * 100_000,
        "Beresneva O." * 20_000,
        "Smith J and " * 20_000,
        "National Institute for Health and " * 5_000,
        "Jr " * 50_000,
        "et al " * 30_000,
        "É" * 100_000 + " O.",
        ("-" * 1000 + " ") * 200,
    ],
)
def test_split_author_list_hostile_long_input_is_linear(text: str) -> None:
    """Long hostile strings are split in time linear in their length: a tenth of the string takes
    about a tenth of the time (a generous factor, never a wall-clock figure)."""
    import time

    def cost(s: str) -> float:
        start = time.process_time()
        split_author_list(s)
        split_authors(s[:20_000])
        return time.process_time() - start

    small = max(cost(text[: len(text) // 10]), 0.005)
    assert cost(text) < 40 * small + 2.0


@given(st.text(max_size=200))
def test_split_author_list_never_raises(text: str) -> None:
    found = split_author_list(text)
    assert all(isinstance(n, Name) for n in found.names)
    assert all(set(b) - {" "} <= set(text) for b in found.broken)  # a broken piece is text of the input


def test_the_package_exports_the_splitter_on_first_use() -> None:
    import kb.normalise

    assert kb.normalise.split_author_list is split_author_list
    assert kb.normalise.split_name is split_name
    assert {"split_author_list", "split_name"} <= set(kb.normalise.__all__)
