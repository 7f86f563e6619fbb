package ogimage_test

import (
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/plotline/plotline/internal/ogimage"
)

// A build makes one Renderer and draws the card of each page with it,
// from the numbers the page's chart shows.
func ExampleRenderer_Render() {
	r, err := ogimage.NewRenderer()
	if err != nil {
		log.Fatal(err)
	}
	start := time.Date(2024, 12, 5, 0, 0, 0, 0, time.UTC)
	until := start.AddDate(0, 0, 190)
	limit, crossing := 12000.0, start.AddDate(0, 0, 131)
	png, err := r.Render(ogimage.Card{
		Site:  "The Projection Desk",
		Title: "At the current rate, North Korea's force in Kursk would be spent by spring",
		Plot: &ogimage.Plot{
			Unit: "casualties",
			XMin: start, XMax: until,
			YMin: 0, YMax: 25000,
			YTicks:   []ogimage.ValueTick{{Value: 0}, {Value: 10000}, {Value: 20000}},
			XTicks:   []ogimage.DateTick{{Date: start.AddDate(0, 0, 27), Label: "Jan 2025"}},
			Observed: []ogimage.Point{{Date: start.AddDate(0, 0, 39), Value: 3000}},
			Central:  []ogimage.Point{{Date: start, Value: 0}, {Date: until, Value: 92 * 190}},
			Limit:    &limit, LimitLabel: "12,000 casualties",
			Crossing: &crossing, CrossingLabel: "15 Apr 2025",
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(os.TempDir(), "og.png"), png, 0o644); err != nil {
		log.Fatal(err)
	}
}
