// Package export writes every hit of a search as rows a spreadsheet opens:
// CSV in UTF-8 with a byte-order mark and semicolons between fields, one
// row per agenda item or document, with who decided what and links to the
// item's page and the original. `referat search --csv` and the web
// server's /export.csv both write through it.
package export
