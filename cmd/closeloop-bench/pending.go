package main

import (
	"context"
	"errors"
)

var errNeedsNotifier = errors.New("needs the notifier (branch notify), not merged yet")

type ceiling struct{}
type fanoutFigure struct{}
type moveFigure struct{}
type memoryFigure struct{}

func benchCeiling(context.Context, *harness, *results) error { return errNeedsNotifier }
func benchFanout(context.Context, *harness, *results) error  { return errNeedsNotifier }
func benchMove(context.Context, *harness, *results) error    { return errNeedsNotifier }
func benchMemory(context.Context, *harness, *results) error  { return errNeedsNotifier }
func runFaults(context.Context, *harness) error              { return errNeedsNotifier }
