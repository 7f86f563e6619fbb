package main

import (
	"os"
	"path/filepath"
	"testing"
	// The time zone database, in the binary the scripts run, so that a
	// script's "env TZ=Asia/Kolkata" means that zone on a machine
	// without /usr/share/zoneinfo too (time-zones.txtar).
	_ "time/tzdata"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"plotline": func() { os.Exit(run(os.Args[1:])) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script: each builds a
// site written inline in the script with the real command line. $NOTICES
// is the committed NOTICES.txt, which plotline version --licences prints.
func TestScripts(t *testing.T) {
	notices, err := filepath.Abs(filepath.Join("..", "..", "internal", "notices", "NOTICES.txt"))
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: false,
		Cmds:                scriptCmds,
		Condition:           scriptCondition,
		Setup: func(env *testscript.Env) error {
			env.Setenv("NOTICES", notices)
			return nil
		},
	})
}
