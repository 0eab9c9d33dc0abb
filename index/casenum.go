package index

import "referat/internal/casenum"

// NormalizeCaseNumber returns the form under which a case number is indexed
// and looked up (casenum.Key): lower case, spaces removed, a leading label
// such as "J.nr." or "sagsnr." dropped, and dashes and slashes one "-", so
// "19-3742" finds "19/3742" and "2023 – 9318" finds "2023 - 9318".
func NormalizeCaseNumber(s string) string { return casenum.Key(s) }

// LooksLikeCaseNumber reports whether a word typed in a query has the shape
// of a case number extraction recognises (casenum.Query), so that it is
// looked up as one besides being searched as text.
func LooksLikeCaseNumber(s string) bool { return casenum.Query(s) }
