// Package labeltest scores extracted records against hand labels exactly as
// ../shared/tools/score.py does, for the tests of extract and its
// subpackages: one point per labelled fact, score.py's normalisation, and
// its 0.9 title similarity (difflib's ratio). A label is a JSON file in the
// form of ../shared/labels naming the document at its path without ".json".
package labeltest
