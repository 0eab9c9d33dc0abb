package web

import (
	"context"
	"html/template"
	"slices"
	"strconv"
	"time"

	"referat/index"
)

// The hits-over-time chart: a small SVG bar chart of a search's matching
// items per year, or per month when the search is filtered to one year.
// Each bar links to the search narrowed to its period. It is drawn on
// the server, so it needs no script.

// chartBar is one period of the chart.
type chartBar struct {
	Label string // "2019", "jan"
	Title string // "2019", "januar 2019"
	Count int
	URL   string
}

// yearBars are the years of the year facet, oldest first, the years
// between them with no hits included so gaps show.
func yearBars(st searchState, counts []index.FacetCount) []chartBar {
	byYear := map[int]int{}
	lo, hi := 0, 0
	for _, c := range counts {
		y, err := strconv.Atoi(c.Value)
		if err != nil || c.Count == 0 {
			continue
		}
		byYear[y] = c.Count
		if lo == 0 || y < lo {
			lo = y
		}
		hi = max(hi, y)
	}
	if lo == 0 || hi-lo > 60 {
		return nil // no years, or dates too spread to draw (a misread year)
	}
	var bars []chartBar
	for y := lo; y <= hi; y++ {
		c := st.clone()
		c.Year, c.Page = []string{strconv.Itoa(y)}, 0
		bars = append(bars, chartBar{Label: strconv.Itoa(y), Title: strconv.Itoa(y), Count: byYear[y], URL: c.URL()})
	}
	return bars
}

// monthBars counts the hits of each month of year: a search per month,
// counting only (twelve searches of no page and no facets).
func (s *Server) monthBars(ctx context.Context, st searchState, year string) ([]chartBar, error) {
	y, err := strconv.Atoi(year)
	if err != nil {
		return nil, nil
	}
	ctx, cancel := context.WithTimeout(ctx, s.opts.SearchTimeout)
	defer cancel()
	var bars []chartBar
	for m := time.January; m <= time.December; m++ {
		first := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
		last := first.AddDate(0, 1, -1)
		req := st.request()
		req.From, req.To = first, last
		req.Page, req.PageSize, req.Facets = 1, 1, []string{}
		res, err := s.ix.Search(ctx, req)
		if err != nil {
			return nil, err
		}
		c := st.clone()
		c.From, c.To, c.Page = first.Format(time.DateOnly), last.Format(time.DateOnly), 0
		bars = append(bars, chartBar{Label: months[m-1][:3], Title: months[m-1] + " " + year, Count: int(res.Total), URL: c.URL()})
	}
	return bars, nil
}

// hitsChart is the chart of a search's hits over time; "" when there is
// nothing to draw (no dated hits, or one period only).
func (s *Server) hitsChart(ctx context.Context, st searchState, years []index.FacetCount) (template.HTML, error) {
	var bars []chartBar
	caption := "Resultater pr. år"
	if len(st.Year) == 1 && st.From == "" && st.To == "" {
		var err error
		if bars, err = s.monthBars(ctx, st, st.Year[0]); err != nil {
			return "", err
		}
		caption = "Resultater pr. måned i " + st.Year[0]
	} else {
		bars = yearBars(st, years)
		if len(bars) < 2 {
			return "", nil
		}
	}
	if !slices.ContainsFunc(bars, func(b chartBar) bool { return b.Count > 0 }) {
		return "", nil
	}
	return chartSVG(caption, bars), nil
}

// chartSVG draws bars as an SVG figure: each bar a link with its count
// above it and its label below.
func chartSVG(caption string, bars []chartBar) template.HTML {
	const (
		barW, gap = 28, 6
		top, plot = 16, 72 // room for the counts, the bars' full height
		labels    = 16
	)
	most := 0
	for _, b := range bars {
		most = max(most, b.Count)
	}
	width := len(bars)*(barW+gap) - gap
	height := top + plot + labels
	w := newHTMLWriter()
	w.raw(`<figure class="chart"><figcaption>`)
	w.text(caption)
	w.raw(`</figcaption><svg role="img" viewBox="0 0 `)
	w.int(width)
	w.raw(" ")
	w.int(height)
	w.raw(`" width="`)
	w.int(width)
	w.raw(`" height="`)
	w.int(height)
	w.raw(`" aria-label="`)
	w.text(caption)
	w.raw(`">`)
	for i, b := range bars {
		x := i * (barW + gap)
		h := 0
		if most > 0 {
			h = b.Count * plot / most
		}
		if b.Count > 0 && h < 2 {
			h = 2 // a period with hits is never invisible
		}
		w.raw(`<a href="`)
		w.url(b.URL)
		w.raw(`"><title>`)
		w.text(b.Title + ": " + strconv.Itoa(b.Count) + " resultater")
		w.raw(`</title><rect x="`)
		w.int(x)
		w.raw(`" y="`)
		w.int(top + plot - h)
		w.raw(`" width="`)
		w.int(barW)
		w.raw(`" height="`)
		w.int(h)
		w.raw(`"></rect>`)
		if b.Count > 0 {
			w.raw(`<text class="n" x="`)
			w.int(x + barW/2)
			w.raw(`" y="`)
			w.int(top + plot - h - 3)
			w.raw(`">`)
			w.int(b.Count)
			w.raw(`</text>`)
		}
		w.raw(`<text x="`)
		w.int(x + barW/2)
		w.raw(`" y="`)
		w.int(height - 3)
		w.raw(`">`)
		label := b.Label
		if len(bars) > 12 && len(label) == 4 {
			label = "'" + label[2:] // many years: '19
		}
		w.text(label)
		w.raw(`</text></a>`)
	}
	w.raw(`</svg></figure>`)
	return w.html()
}
