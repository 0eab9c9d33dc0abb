package danish

import (
	"referat/corpus"
	"referat/internal/casenum"
)

// Case numbers are defined once, in internal/casenum, which index shares;
// these add what only extraction knows: the subject of a KLE number.

// ParseCaseNumber parses s when it is one case number and nothing more, as
// on the case line under an agenda point's title (see casenum.Parse), and
// names the subject of a KLE number.
func ParseCaseNumber(s string) (corpus.CaseNumber, bool) {
	c, ok := casenum.Parse(s)
	return withSubject(c), ok
}

// CaseNumberLine parses a line that holds case numbers and nothing else,
// such as "19/3742" or "23-002364, 23-002365", and returns them.
func CaseNumberLine(line string) ([]corpus.CaseNumber, bool) {
	cs, ok := casenum.Line(line)
	for i := range cs {
		cs[i] = withSubject(cs[i])
	}
	return cs, ok
}

// CutCaseLabel returns what follows a case-number label at the start of
// line ("Sagsnr.: 2011-29298", "J.nr.: 24/12345"), or false when the line
// does not start with one.
func CutCaseLabel(line string) (string, bool) { return casenum.CutLabel(line) }

// FindCaseNumbers returns the case numbers in running text, in order and
// without repeats (see casenum.Find).
func FindCaseNumbers(s string) []corpus.CaseNumber {
	cs := casenum.Find(s)
	for i := range cs {
		cs[i] = withSubject(cs[i])
	}
	return cs
}

func withSubject(c corpus.CaseNumber) corpus.CaseNumber {
	if c.KLE != "" {
		c.Subject = KLESubject(c.KLE)
	}
	return c
}
