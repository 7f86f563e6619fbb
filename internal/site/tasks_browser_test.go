package site

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// taskItemsJS returns, for each item of a task list of the page, its
// marker's style and whether its box stands where the list's bullets
// would: left of the item's text, inside the list's own box.
const taskItemsJS = `(() => Array.from(document.querySelectorAll('.article-body li input[type="checkbox"]'), box => {
	const li = box.closest('li'), list = li.parentElement.getBoundingClientRect(), b = box.getBoundingClientRect();
	return {Marker: getComputedStyle(li).listStyleType, InMarkerPlace: b.left >= list.left - 1 && b.right <= li.getBoundingClientRect().left + 1};
}))()`

// TestBrowserTaskList opens an article with task lists, tight and
// loose, and checks that each item's box is its marker: no bullet beside
// it (each item once showed both), the box in the bullet's place.
func TestBrowserTaskList(t *testing.T) {
	ctx := newBrowser(t, browserTimeout, nil)
	blocks := serveArticle(t, "blocks", blocksArticle)
	for _, width := range []int64{390, 1280} {
		setWindow(t, ctx, width, "light", true)
		navigate(t, ctx, blocks)
		items, err := chromedp.Run(ctx, chromedp.Evaluate[[]struct {
			Marker        string
			InMarkerPlace bool
		}](taskItemsJS))
		if err != nil {
			t.Fatal(err)
		}
		if len(items) != 4 {
			t.Fatalf("%d px: %d task items; want 4", width, len(items))
		}
		for i, it := range items {
			if it.Marker != "none" || !it.InMarkerPlace {
				t.Errorf("%d px: task item %d has the marker %q and its box in the bullet's place %v; want no marker, and the box there", width, i+1, it.Marker, it.InMarkerPlace)
			}
		}
	}
}
