// A minimal SMTP server for the browser test: accepts every message and keeps it in memory,
// so the test can see the shipped email arrive over a real SMTP conversation.
import net from 'node:net'

export function startSmtpSink() {
  const messages = []
  const server = net.createServer((sock) => {
    sock.setEncoding('latin1')
    let buf = ''
    let data = null // lines of the message while in DATA
    let env = { from: '', to: [] }
    const reply = (s) => sock.write(s + '\r\n')
    reply('220 e2e-sink ESMTP ready')
    sock.on('data', (chunk) => {
      buf += chunk
      let i
      while ((i = buf.indexOf('\r\n')) >= 0) {
        const line = buf.slice(0, i)
        buf = buf.slice(i + 2)
        if (data) {
          if (line === '.') {
            messages.push({ ...env, data: data.join('\r\n') })
            data = null
            env = { from: '', to: [] }
            reply('250 2.0.0 queued')
          } else data.push(line.startsWith('..') ? line.slice(1) : line)
          continue
        }
        const verb = line.slice(0, 4).toUpperCase()
        if (verb === 'EHLO') sock.write('250-e2e-sink\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 10485760\r\n')
        else if (verb === 'HELO') reply('250 e2e-sink')
        else if (verb === 'MAIL') (env.from = line.slice(10).trim()), reply('250 2.1.0 ok')
        else if (verb === 'RCPT') env.to.push(line.slice(8).trim()), reply('250 2.1.5 ok')
        else if (verb === 'DATA') (data = []), reply('354 end with <CRLF>.<CRLF>')
        else if (verb === 'RSET') (env = { from: '', to: [] }), reply('250 ok')
        else if (verb === 'NOOP') reply('250 ok')
        else if (verb === 'QUIT') reply('221 bye'), sock.end()
        else reply('502 5.5.1 not implemented')
      }
    })
    sock.on('error', () => {})
  })
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({ port: server.address().port, messages, close: () => new Promise((r) => server.close(() => r())) })
    })
  })
}
