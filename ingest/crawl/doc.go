// Package crawl fetches new and changed minutes, agendas and letters from
// municipal web sites and hands each fetched document to a Sink supplied by
// the caller. A sources file (LoadConfig; testdata/sources.example.json is
// an example) lists the sites; each names a profile for its publishing
// system: "firstagenda" (the First Agenda publication portals
// dagsordener.<kommune>.dk, read through their JSON API), "edoc"
// (eDocAgendaPublishing.xml with the PDFs it names), "sbsys" (SBSYS
// Publication*.xml with its enclosures) or "generic" (CSS selectors and URL
// patterns from the sources file). The crawler is polite (robots.txt, a
// per-host rate limit shared by all workers, a User-Agent naming the
// program and a contact URL), incremental (conditional GET and content
// hashes, so only new or changed documents reach the sink), robust (retries
// with backoff on timeouts, 5xx and 429; every other failure ends that one
// fetch with a logged reason and the crawl goes on) and resumable (frontier,
// seen URLs, validators and hashes persist in a state directory, written
// atomically; an interrupted crawl continues where it stopped).
package crawl
