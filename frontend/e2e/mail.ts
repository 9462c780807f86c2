// Reading what the SMTP sink received, as a person reads their inbox: the message to one
// address, its plain-text part decoded, the links in it.
import { expect } from '@playwright/test'
import type { Message } from './smtp-sink'

async function inbox(): Promise<Message[]> {
  return (await (await fetch(process.env.E2E_INBOX!)).json()) as Message[]
}

/** Undoes quoted-printable (soft line breaks and =XX bytes) as UTF-8. */
function unQuote(s: string): string {
  const joined = s.replace(/=\r?\n/g, '')
  const bytes: number[] = []
  for (let i = 0; i < joined.length; i++) {
    const hex = joined[i] === '=' ? joined.slice(i + 1, i + 3) : ''
    if (/^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16))
      i += 2
    } else bytes.push(joined.charCodeAt(i))
  }
  return Buffer.from(bytes).toString('utf8')
}

/** The plain-text part of a MIME message, decoded. */
export function plainText(data: string): string {
  return mimePart(data, 'text/plain')
}

/** The part of a MIME message of one type (text/plain, text/html), decoded. */
export function mimePart(data: string, type: string): string {
  // The parts sit between boundary lines; each is headers, a blank line, then the body.
  const part = data
    .split(/\r?\n--[^\r\n]+\r?\n/)
    .map((p) => /^([^]*?)\r?\n\r?\n([^]*)$/.exec(p))
    .find((m) => m && new RegExp(`^Content-Type: ${type}`, 'im').test(m[1]!))
  expect(part, `the message has a ${type} part`).toBeTruthy()
  const headers = part![1]!
  const body = part![2]!.replace(/\r?\n--[^\r\n]*--\s*$/, '')
  if (/^Content-Transfer-Encoding: quoted-printable/im.test(headers)) return unQuote(body)
  if (/^Content-Transfer-Encoding: base64/im.test(headers)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  return body
}

/** Waits for the first message to `to` whose headers and text match `subject`, and returns its text. */
export async function emailTo(to: string, subject: RegExp, timeout = 30_000): Promise<string> {
  return plainText(await rawEmailTo(to, subject, timeout))
}

/** Waits for the first message to `to` whose headers and text match `subject`, and returns it whole. */
export async function rawEmailTo(to: string, subject: RegExp, timeout = 30_000): Promise<string> {
  const deadline = Date.now() + timeout
  for (;;) {
    const m = (await inbox()).find((m) => m.to.some((t) => t.includes(to)) && subject.test(m.data))
    if (m) return m.data
    if (Date.now() > deadline) throw new Error(`no email to ${to} matching ${String(subject)} within ${timeout} ms`)
    await new Promise((r) => setTimeout(r, 250))
  }
}

/** The link after `label` on a line of the text ("Not quite: https://…"). */
export function linkAfter(text: string, label: string): string {
  const m = new RegExp(`^${label}:\\s*(https?://\\S+)`, 'm').exec(text)
  expect(m, `a "${label}:" link in:\n${text}`).toBeTruthy()
  return m![1]!
}
