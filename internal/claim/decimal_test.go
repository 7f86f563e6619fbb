package claim

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

func TestRound(t *testing.T) {
	tests := []struct {
		f    float64
		n    int
		want float64
	}{
		{2.25, 1, 2.3},
		{-2.25, 1, -2.3},
		{2.675, 2, 2.68}, // 2.67499… in binary
		{1.005, 2, 1.01}, // 1.00499…
		{0.285, 2, 0.29},
		{12000.5, 0, 12001},
		{12500, -3, 13000},
		{-12500, -3, -13000},
		{11960, -3, 12000},
		{0.0049, 2, 0},
		{1e-310, 311, 1e-310},
		{1e300, 2, 1e300},
	}
	for _, tt := range tests {
		if got := Round(tt.f, tt.n); got != tt.want {
			t.Errorf("Round(%v, %d) = %v; want %v", tt.f, tt.n, got, tt.want)
		}
	}
}

// TestRoundQuickAgrees checks that Round's quick path, taken away from
// halves, rounds as the exact decimal arithmetic does, on numbers of every
// size and on halves of every decimal.
func TestRoundQuickAgrees(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 100000 {
		n := r.IntN(13) - 3
		f := (r.Float64() - 0.5) * math.Pow10(r.IntN(16)-4)
		if r.IntN(4) == 0 {
			// A half at the n-th decimal, written as a writer would:
			// 3.145 at two decimals, 12,500 at the thousands.
			whole := r.Int64N(1_000_000)
			var text string
			if n >= 0 {
				text = fmt.Sprintf("%d.%s5", whole, strings.Repeat("7", n))
			} else {
				text = fmt.Sprintf("%d5%s", whole, strings.Repeat("0", -n-1))
			}
			f, _ = strconv.ParseFloat(text, 64)
			if r.IntN(2) == 0 {
				f = -f
			}
		}
		exact, _ := roundAt(ratOf(f), pow10(-n)).Float64()
		if got := Round(f, n); got != exact {
			t.Fatalf("Round(%v, %d) = %v; exact decimal rounding gives %v", f, n, got, exact)
		}
	}
}
