// Package casenum is the one definition of a case (journal) number,
// shared by extract and index: the shapes of the schemes of DESIGN.md and
// the rules that tell them from dates, year spans and amounts (Parse,
// Find), the labels that introduce them ("Sagsnr.:", "J.nr."), what a
// label vouches for (Labelled), and the key under which a number is
// indexed and looked up (Key), so that a number typed as a query is
// recognised (Query) whenever extraction would recognise it, and finds it
// whatever separator it is typed with.
//
// It lives in internal/ because both extract and index need it and
// neither may import the other; corpus holds only the CaseNumber type.
package casenum
