package chart

import (
	"fmt"

	"github.com/plotline/plotline/internal/data"
)

// renderOne draws the one block b as spec s asks.
func renderOne(b *data.Block, s Spec, id string) (Figure, error) {
	if b == nil {
		return Figure{}, fmt.Errorf("chart: no data block")
	}
	return RenderBlocks([]*data.Block{b}, s, id)
}
