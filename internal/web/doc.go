// Package web (internal/web in DESIGN.md's layout) is the HTTP handler
// behind `referat serve`: a small, server-rendered search page
// (html/template, no JavaScript) with item, document, letter and case
// pages, the source documents from the corpus store, and a JSON API over
// the same searches. Every piece of document text is escaped by the
// templates; bad requests get 400 pages, unknown ids 404 pages, and a
// panic a generic 500 page, never a stack trace.
package web
