package notify

const crashChildEnv = "CLOSELOOP_NOTIFY_CRASH_CHILD"

func runCrashChild() int { return 0 }
