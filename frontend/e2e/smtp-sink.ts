// A minimal SMTP server for the browser test: accepts every message and keeps it in memory, so
// the test sees the shipped email arrive over a real SMTP conversation. The tests run in worker
// processes, so the messages are also served as JSON over HTTP (GET /messages).
import http from 'node:http'
import net from 'node:net'
import type { AddressInfo } from 'node:net'

export interface Message {
  from: string
  to: string[]
  data: string
}

export interface Sink {
  smtpPort: number
  inboxURL: string
  close: () => Promise<void>
}

export async function startSmtpSink(): Promise<Sink> {
  const messages: Message[] = []
  const smtp = net.createServer((sock) => converse(sock, messages))
  const inbox = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify(messages))
  })
  const smtpPort = await listen(smtp)
  const inboxPort = await listen(inbox)
  return {
    smtpPort,
    inboxURL: `http://127.0.0.1:${inboxPort}/messages`,
    close: async () => {
      await Promise.all([smtp, inbox].map((s) => new Promise((r) => s.close(r))))
    },
  }
}

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)))
}

/** One SMTP session: just enough of RFC 5321 for go-mail to deliver. */
function converse(sock: net.Socket, messages: Message[]) {
  sock.setEncoding('latin1')
  let buf = ''
  let data: string[] | null = null // the message's lines while in DATA
  let env: Message = { from: '', to: [], data: '' }
  const reply = (s: string) => sock.write(s + '\r\n')
  const commands: Record<string, (line: string) => void> = {
    EHLO: () => sock.write('250-e2e-sink\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 10485760\r\n'),
    HELO: () => reply('250 e2e-sink'),
    MAIL: (line) => {
      env.from = line.slice(10).trim()
      reply('250 2.1.0 ok')
    },
    RCPT: (line) => {
      env.to.push(line.slice(8).trim())
      reply('250 2.1.5 ok')
    },
    DATA: () => {
      data = []
      reply('354 end with <CRLF>.<CRLF>')
    },
    RSET: () => {
      env = { from: '', to: [], data: '' }
      reply('250 ok')
    },
    NOOP: () => reply('250 ok'),
    QUIT: () => {
      reply('221 bye')
      sock.end()
    },
  }
  reply('220 e2e-sink ESMTP ready')
  sock.on('data', (chunk: string) => {
    buf += chunk
    let i
    while ((i = buf.indexOf('\r\n')) >= 0) {
      const line = buf.slice(0, i)
      buf = buf.slice(i + 2)
      if (data) {
        if (line !== '.') {
          data.push(line.startsWith('..') ? line.slice(1) : line)
          continue
        }
        messages.push({ ...env, data: data.join('\r\n') })
        data = null
        env = { from: '', to: [], data: '' }
        reply('250 2.0.0 queued')
        continue
      }
      const command = commands[line.slice(0, 4).toUpperCase()]
      if (command) command(line)
      else reply('502 5.5.1 not implemented')
    }
  })
  sock.on('error', () => sock.destroy())
}
