// A one-shot hand-over between screens of one tab (say, "link by hand" on the Integrations
// page leaving an email and a quote for the card's form): put it, navigate, take it once.
// In memory only: nothing personal lands in the URL, history or storage.
const waiting = new Map<string, unknown>()

export function putHandoff(key: string, value: unknown) {
  waiting.set(key, value)
}

export function takeHandoff<T>(key: string): T | undefined {
  const v = waiting.get(key) as T | undefined
  waiting.delete(key)
  return v
}
