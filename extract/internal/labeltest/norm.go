package labeltest

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

var dashes = strings.NewReplacer("–", "-", "—", "-")

// Norm is score.py's norm: NFC, en and em dashes as hyphens, whitespace
// collapsed, " ." trimmed from the ends, lower case.
func Norm(s string) string {
	s = norm.NFC.String(s)
	s = dashes.Replace(s)
	s = strings.Join(strings.Fields(s), " ")
	s = strings.Trim(s, " .")
	return strings.ToLower(s)
}

// Similar is score.py's similar: SequenceMatcher(None, Norm(a),
// Norm(b)).ratio() >= 0.9.
func Similar(a, b string) bool {
	x, y := []rune(Norm(a)), []rune(Norm(b))
	if len(x)+len(y) == 0 {
		return true
	}
	return 2*float64(matchingRunes(x, y))/float64(len(x)+len(y)) >= 0.9
}

// matchingRunes counts the runes of difflib's matching blocks: the longest
// common block (the first in a, then in b, on ties), then recursively left
// and right of it. This is fewer than the longest common subsequence when
// the longest block cuts across other matches, and score.py counts
// difflib's. (difflib's junk heuristic only applies to sequences of 200 or
// more, longer than titles.)
func matchingRunes(a, b []rune) int {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	bi, bj, bk := 0, 0, 0
	prev := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		for j := 1; j <= len(b); j++ {
			if a[i-1] == b[j-1] {
				cur[j] = prev[j-1] + 1
				if cur[j] > bk {
					bi, bj, bk = i-cur[j], j-cur[j], cur[j]
				}
			}
		}
		prev = cur
	}
	if bk == 0 {
		return 0
	}
	return bk + matchingRunes(a[:bi], b[:bj]) + matchingRunes(a[bi+bk:], b[bj+bk:])
}
