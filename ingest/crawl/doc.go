// Package crawl fetches new and changed minutes, agendas and letters from
// municipal web sites and hands each fetched document to a Sink supplied by
// the caller. A sources file (see LoadConfig) lists the sites; each names a
// profile for its publishing system: "firstagenda" (the First Agenda
// publication portals dagsordener.<kommune>.dk and their JSON API), "edoc"
// (eDocAgendaPublishing.xml with its PDFs), "sbsys" (SBSYS publication XML
// with enclosures) or "generic" (CSS selectors and URL patterns from the
// sources file). The crawler is polite (robots.txt, a per-host rate limit, a
// User-Agent naming the program and a contact URL), incremental (conditional
// GET and content hashes, so only new or changed documents reach the sink),
// robust (retries with backoff on timeouts and 5xx; every other failure ends
// that one fetch with a logged reason) and resumable (frontier, seen URLs and
// validators persist in a state directory, written atomically).
package crawl
