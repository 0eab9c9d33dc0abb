// Package goldentest keeps the golden records of the tests of extract and
// its subpackages: a record's indented JSON in testdata/golden, rewritten
// when a test runs with -update (a flag this package registers) and
// otherwise compared byte for byte, a difference named by the fields that
// differ.
package goldentest
